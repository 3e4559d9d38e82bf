namespace Coordinator.Vss;

// The subclasses of VssException for the codes the coordinator catches by type (docs/vss-reference.md#hresults).
// Each keeps Exception.HResult = the VSS code, so callers may classify by type or by HResult alike; every other code
// is a plain VssException, classified by HResult and VssErrorCatalog. VssExceptionFactory chooses among them;
// construct them directly only in providers and tests.

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

/// <summary>E_ACCESSDENIED: the process lacks backup privileges (Administrators, Backup Operators or LocalSystem).</summary>
public sealed class VssAccessDeniedException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.E_ACCESSDENIED, operation, writer, detail, innerException);

/// <summary>RPC_E_WRONG_THREAD: the components object (or its IVssAsync) was called from a thread other than its creator.</summary>
public sealed class VssWrongThreadException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.RPC_E_WRONG_THREAD, operation, writer, detail, innerException);

/// <summary>E_NOTIMPL on creation: VSS is not available on this machine (not Windows, or a SKU without VSS).</summary>
public sealed class VssNotAvailableException(string operation, string? writer = null, string? detail = null, Exception? innerException = null)
    : VssException(HResults.E_NOTIMPL, operation, writer, detail, innerException);
