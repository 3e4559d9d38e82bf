namespace Coordinator.Vss;

// The subclasses of VssException for the codes the coordinator treats specially (docs/vss-reference.md#hresults).
// Each keeps Exception.HResult = the VSS code, so callers may classify by type or by HResult alike.
// VssExceptionFactory chooses among them; construct them directly only in providers and tests.

/// <summary>VSS_E_WRITER_INFRASTRUCTURE: retried with backoff on a <b>new</b> components object (GatherWriterMetadata is once per object).</summary>
public sealed class VssWriterInfrastructureException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.VSS_E_WRITER_INFRASTRUCTURE, operation, writer, detail, innerException);

/// <summary>VSS_E_BAD_STATE: a call out of the documented sequence; a bug, never retried on the same object.</summary>
public sealed class VssBadStateException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.VSS_E_BAD_STATE, operation, writer, detail, innerException);

/// <summary>VSS_E_SNAPSHOT_SET_IN_PROGRESS: another snapshot set is being created on the machine; retry the step with jitter.</summary>
public sealed class VssSnapshotSetInProgressException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, operation, writer, detail, innerException);

/// <summary>VSS_E_OBJECT_NOT_FOUND: the volume, snapshot, writer or component does not exist (on delete: already gone).</summary>
public sealed class VssObjectNotFoundException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.VSS_E_OBJECT_NOT_FOUND, operation, writer, detail, innerException);

/// <summary>VSS_E_OBJECT_ALREADY_EXISTS: e.g. the volume is already in the snapshot set.</summary>
public sealed class VssObjectAlreadyExistsException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.VSS_E_OBJECT_ALREADY_EXISTS, operation, writer, detail, innerException);

/// <summary>VSS_E_VOLUME_NOT_SUPPORTED or VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER: skip the volume or fail, per policy.</summary>
public sealed class VssVolumeNotSupportedException(int hresult, string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(hresult, operation, writer, detail, innerException);

/// <summary>E_ACCESSDENIED: the process lacks backup privileges (Administrators, Backup Operators or LocalSystem).</summary>
public sealed class VssAccessDeniedException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.E_ACCESSDENIED, operation, writer, detail, innerException);

/// <summary>E_INVALIDARG: a bad parameter (volume without trailing backslash, NULL ppAsync); a bug, never retried.</summary>
public sealed class VssInvalidArgumentException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.E_INVALIDARG, operation, writer, detail, innerException);

/// <summary>
/// The retryable writer errors: VSS_E_WRITERERROR_RETRYABLE, _OUTOFRESOURCES and _TIMEOUT. The documented advice for all three
/// is to wait and restart the whole backup, so the coordinator retries the session.
/// </summary>
public sealed class VssRetryableWriterException(int hresult, string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(hresult, operation, writer, detail, innerException);

/// <summary>RPC_E_WRONG_THREAD: the components object (or its IVssAsync) was called from a thread other than its creator.</summary>
public sealed class VssWrongThreadException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.RPC_E_WRONG_THREAD, operation, writer, detail, innerException);

/// <summary>E_NOTIMPL on creation: VSS is not available on this machine (not Windows, or a SKU without VSS).</summary>
public sealed class VssNotAvailableException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.E_NOTIMPL, operation, writer, detail, innerException);

/// <summary>VSS_E_UNEXPECTED or E_UNEXPECTED (before Windows 7 / 2008 R2): undiagnosed, see the event log.</summary>
public sealed class VssUnexpectedErrorException(int hresult, string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(hresult, operation, writer, detail, innerException);
