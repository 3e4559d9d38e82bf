// Placeholder until the benchmarks land.
Console.WriteLine("Coordinator.Bench: no benchmarks yet.");
return 0;
