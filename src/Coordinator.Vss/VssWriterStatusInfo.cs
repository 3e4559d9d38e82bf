namespace Coordinator.Vss;

/// <summary>One writer's status after GatherWriterStatus (COM <c>GetWriterStatus</c> / <c>GetWriterStatusEx</c>).</summary>
/// <param name="Failure">The writer's failure HRESULT (hrWriterFailure); 0 when none.</param>
/// <param name="ApplicationErrorCode">The application's own error code (GetWriterStatusEx), 0 when none.</param>
public sealed record VssWriterStatusInfo(
    Guid InstanceId,
    Guid ClassId,
    string Name,
    VssWriterState State,
    int Failure,
    int ApplicationErrorCode = 0,
    string? ApplicationErrorMessage = null);
