namespace Coordinator.Actors.Jobs;

/// <summary>The job is wrong as given (a user mistake): the message says what and what to do; no stack trace is shown.</summary>
public sealed class JobValidationException(string message) : Exception(message);
