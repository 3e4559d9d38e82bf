namespace Coordinator.Actors.Jobs;

/// <summary>The part of a job a validation error is about; each front end names it in its own words (an option, a JSON field).</summary>
public enum JobField
{
    Volumes,
    IncludeWriters,
    ExcludeWriters,
    ActionProgram,
    ActionWorkingDirectory,
    Timeout,
}

/// <summary>
/// The job is wrong as given (a user mistake): the message says what and what to do; no stack trace is shown.
/// When VSS itself reported the problem (unknown or unsupported volume) the operation and HRESULT are kept.
/// </summary>
public sealed class JobValidationException(string message, JobField field, string operation = "Validate", int hresult = 0) : Exception(message)
{
    public JobField Field { get; } = field;

    public string Operation { get; } = operation;

    public int VssHResult { get; } = hresult;
}
