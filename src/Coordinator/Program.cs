// Placeholder entry point until the CLI lands (issue 6).
Console.WriteLine("coordinator: the CLI is not built yet.");
return 0;
