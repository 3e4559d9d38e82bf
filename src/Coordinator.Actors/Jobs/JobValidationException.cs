namespace Coordinator.Actors.Jobs;

/// <summary>
/// The job is wrong as given (a user mistake): the message says what and what to do; no stack trace is shown.
/// When VSS itself reported the problem (unknown or unsupported volume) the operation and HRESULT are kept.
/// </summary>
public sealed class JobValidationException(string message, string operation = "Validate", int hresult = 0) : Exception(message)
{
    public string Operation { get; } = operation;

    public int VssHResult { get; } = hresult;
}
