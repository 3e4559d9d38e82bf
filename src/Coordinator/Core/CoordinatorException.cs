namespace Coordinator.Core;

/// <summary>What kind of problem stopped the coordinator; each front end maps it (the CLI to an exit code, HTTP to a status).</summary>
public enum CoordinatorErrorKind
{
    /// <summary>The user's input or configuration is wrong: a bad setting, a missing file, a malformed scenario.</summary>
    BadInput,

    /// <summary>This machine cannot do it: no VSS, no privileges, journal not writable.</summary>
    Environment,

    /// <summary>The operation itself failed (a VSS call, a writer).</summary>
    Failed,
}

/// <summary>
/// A failure the user can act on: one line saying what, where and what to do, never a stack trace.
/// <see cref="Setting"/> names the configuration key it is about (e.g. <c>coordinator.scenario</c>), so a front end can
/// name it in its own words (the CLI as <c>--scenario</c>).
/// </summary>
public sealed class CoordinatorException(CoordinatorErrorKind kind, string message, string? setting = null, Exception? inner = null)
    : Exception(message, inner)
{
    public CoordinatorErrorKind Kind { get; } = kind;

    public string? Setting { get; } = setting;

    public static CoordinatorException BadInput(string message, string? setting = null, Exception? inner = null) => new(CoordinatorErrorKind.BadInput, message, setting, inner);

    public static CoordinatorException Environment(string message, string? setting = null, Exception? inner = null) => new(CoordinatorErrorKind.Environment, message, setting, inner);
}
