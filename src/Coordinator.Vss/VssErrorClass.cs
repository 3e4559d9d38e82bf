namespace Coordinator.Vss;

/// <summary>What the coordinator may do after an HRESULT (docs/vss-reference.md#retry-policy).</summary>
public enum VssErrorClass
{
    /// <summary>Not an error (S_OK and the VSS_S_* success codes).</summary>
    Success,

    /// <summary>Retry the whole session on a new components object (e.g. VSS_E_WRITER_INFRASTRUCTURE, VSS_E_WRITERERROR_RETRYABLE).</summary>
    RetrySession,

    /// <summary>Retry the same step after a jittered delay (e.g. VSS_E_SNAPSHOT_SET_IN_PROGRESS caused by another requester).</summary>
    RetryStep,

    /// <summary>Never retried: a bug, a configuration problem or a missing privilege (E_ACCESSDENIED, VSS_E_BAD_STATE, E_NOTIMPL).</summary>
    NeverRetry,
}
