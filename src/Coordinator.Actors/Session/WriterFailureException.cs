using Coordinator.Vss;

namespace Coordinator.Actors.Session;

/// <summary>
/// A writer reported a VSS_WS_FAILED_AT_* state after an event. The HRESULT is the writer's failure code, so
/// its retry class decides between restarting the session (VSS_E_WRITERERROR_RETRYABLE and kin) and failing.
/// </summary>
internal sealed class WriterFailureException(string phase, VssWriterStatusInfo writer)
    : VssException(
        writer.Failure != 0 ? writer.Failure : HResults.VSS_E_WRITERERROR_NONRETRYABLE,
        phase,
        writer.Name,
        $"writer state {writer.State.ToVssName()}")
{
    public VssWriterStatusInfo Status { get; } = writer;
}
