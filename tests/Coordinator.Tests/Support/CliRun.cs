namespace Coordinator.Tests.Support;

/// <summary>How one in-process CLI run ended: exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);
