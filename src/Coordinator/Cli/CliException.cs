namespace Coordinator.Cli;

/// <summary>
/// A failure the user can act on: printed as one line ("coordinator: what, where, what to do") with the given exit code,
/// never with a stack trace.
/// </summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);

    public static CliException Environment(string message) => new(ExitCodes.Environment, message);
}
