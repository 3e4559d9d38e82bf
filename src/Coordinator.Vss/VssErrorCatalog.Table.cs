namespace Coordinator.Vss;

public static partial class VssErrorCatalog
{
    // Meanings from the return-value tables of Microsoft's method pages (docs/vss-reference.md#hresults); classes
    // from docs/vss-reference.md#retry-policy. Where the policy names no class, a comment says why the class was chosen. The rule of
    // thumb: RetrySession for transient conditions documented as "wait and try again" or that a fresh
    // components object cures; RetryStep for contention that ends by itself (another creation, revert or resync
    // under way); NeverRetry for bugs, configuration, hardware/ASR conditions and anything we do not understand.
    private static IEnumerable<VssError> BuildTable()
    {
        yield return new("S_OK", HResults.S_OK, "success", VssErrorClass.Success);

        // COM and Win32 codes a requester meets.
        yield return new("E_ACCESSDENIED", HResults.E_ACCESSDENIED, "the caller lacks backup privileges or is not an administrator", VssErrorClass.NeverRetry);
        yield return new("E_INVALIDARG", HResults.E_INVALIDARG, "a parameter is invalid (e.g. a volume name without trailing backslash, or a NULL ppAsync)", VssErrorClass.NeverRetry);
        // RetrySession: memory pressure is transient; the policy's backoff gives the machine time to recover.
        yield return new("E_OUTOFMEMORY", HResults.E_OUTOFMEMORY, "out of memory or other system resources", VssErrorClass.RetrySession);
        // NeverRetry: undiagnosed (the pre-Windows 7 form of VSS_E_UNEXPECTED); the operator reads the event log.
        yield return new("E_UNEXPECTED", HResults.E_UNEXPECTED, "unexpected error; see the event log", VssErrorClass.NeverRetry);
        yield return new("E_NOTIMPL", HResults.E_NOTIMPL, "not implemented: VSS is not available here", VssErrorClass.NeverRetry);
        // NeverRetry: the caller's threading bug; the same call from the same thread fails again.
        yield return new("RPC_E_WRONG_THREAD", HResults.RPC_E_WRONG_THREAD, "the object was called from a thread other than the one that created it", VssErrorClass.NeverRetry);
        // NeverRetry: the thread's apartment is fixed; use a dedicated COM thread instead.
        yield return new("RPC_E_CHANGED_MODE", HResults.RPC_E_CHANGED_MODE, "the thread is already initialised in another COM apartment", VssErrorClass.NeverRetry);
        // NeverRetry: process-wide COM security is fixed for the life of the process.
        yield return new("RPC_E_TOO_LATE", HResults.RPC_E_TOO_LATE, "COM security was initialised before CoInitializeSecurity could run", VssErrorClass.NeverRetry);

        // Every code of MinGW's vsserror.h, in header order.
        // NeverRetry: a bug in the caller's sequence: the same call on the same object fails again.
        yield return new("VSS_E_BAD_STATE", HResults.VSS_E_BAD_STATE, "the object is not initialised, is in a restore, or the call is out of sequence", VssErrorClass.NeverRetry);
        // NeverRetry: undiagnosed: retrying what we do not understand hides bugs; the operator reads the event log.
        yield return new("VSS_E_UNEXPECTED", HResults.VSS_E_UNEXPECTED, "unexpected error; the code is logged in the application event log", VssErrorClass.NeverRetry);
        // NeverRetry: provider administration, not a backup condition.
        yield return new("VSS_E_PROVIDER_ALREADY_REGISTERED", HResults.VSS_E_PROVIDER_ALREADY_REGISTERED, "the provider is already registered", VssErrorClass.NeverRetry);
        // NeverRetry: configuration error: the provider id is wrong.
        yield return new("VSS_E_PROVIDER_NOT_REGISTERED", HResults.VSS_E_PROVIDER_NOT_REGISTERED, "the provider id given is not registered", VssErrorClass.NeverRetry);
        yield return new("VSS_E_PROVIDER_VETO", HResults.VSS_E_PROVIDER_VETO, "the provider vetoed the operation; transient: wait ten minutes and try again, up to three times", VssErrorClass.RetrySession);
        // NeverRetry: provider administration, not a backup condition.
        yield return new("VSS_E_PROVIDER_IN_USE", HResults.VSS_E_PROVIDER_IN_USE, "the provider is in use and cannot be unregistered", VssErrorClass.NeverRetry);
        // NeverRetry: the object is missing; retrying cannot create it (on delete: already gone).
        yield return new("VSS_E_OBJECT_NOT_FOUND", HResults.VSS_E_OBJECT_NOT_FOUND, "the volume, snapshot, writer or component does not exist", VssErrorClass.NeverRetry);
        yield return new("VSS_S_ASYNC_PENDING", HResults.VSS_S_ASYNC_PENDING, "the asynchronous operation is still running", VssErrorClass.Success);
        yield return new("VSS_S_ASYNC_FINISHED", HResults.VSS_S_ASYNC_FINISHED, "the asynchronous operation finished", VssErrorClass.Success);
        yield return new("VSS_S_ASYNC_CANCELLED", HResults.VSS_S_ASYNC_CANCELLED, "the asynchronous operation was cancelled", VssErrorClass.Success);
        // NeverRetry: a property of the volume: skip it or fail per policy.
        yield return new("VSS_E_VOLUME_NOT_SUPPORTED", HResults.VSS_E_VOLUME_NOT_SUPPORTED, "no provider supports shadow copies of this volume", VssErrorClass.NeverRetry);
        // NeverRetry: a property of the volume and provider: fall back to the default provider or skip.
        yield return new("VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER", HResults.VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, "the chosen provider does not support this volume", VssErrorClass.NeverRetry);
        // NeverRetry: the caller's bug (duplicate volume); retrying repeats it.
        yield return new("VSS_E_OBJECT_ALREADY_EXISTS", HResults.VSS_E_OBJECT_ALREADY_EXISTS, "the object already exists, e.g. the volume is already in the snapshot set", VssErrorClass.NeverRetry);
        yield return new("VSS_E_UNEXPECTED_PROVIDER_ERROR", HResults.VSS_E_UNEXPECTED_PROVIDER_ERROR, "the provider returned an unexpected error; transient: wait ten minutes and try again, up to three times", VssErrorClass.RetrySession);
        // NeverRetry: bad input (backup components document); the same document fails again.
        yield return new("VSS_E_CORRUPT_XML_DOCUMENT", HResults.VSS_E_CORRUPT_XML_DOCUMENT, "the XML document given is corrupt", VssErrorClass.NeverRetry);
        // NeverRetry: bad input (backup components document); the same document fails again.
        yield return new("VSS_E_INVALID_XML_DOCUMENT", HResults.VSS_E_INVALID_XML_DOCUMENT, "the XML document is not valid against the VSS schema", VssErrorClass.NeverRetry);
        // NeverRetry: the caller must split the set; the same set fails again.
        yield return new("VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED", HResults.VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED, "the snapshot set already holds the maximum number of volumes (64)", VssErrorClass.NeverRetry);
        yield return new("VSS_E_FLUSH_WRITES_TIMEOUT", HResults.VSS_E_FLUSH_WRITES_TIMEOUT, "the system could not flush I/O writes within the flush-and-hold window (10 s); transient", VssErrorClass.RetrySession);
        yield return new("VSS_E_HOLD_WRITES_TIMEOUT", HResults.VSS_E_HOLD_WRITES_TIMEOUT, "the system could not hold I/O writes within the flush-and-hold window (10 s); transient", VssErrorClass.RetrySession);
        // RetrySession: writer communication is transient in practice (busy writer service); a fresh session usually works.
        yield return new("VSS_E_UNEXPECTED_WRITER_ERROR", HResults.VSS_E_UNEXPECTED_WRITER_ERROR, "VSS met an error while communicating with the writers", VssErrorClass.RetrySession);
        yield return new("VSS_E_SNAPSHOT_SET_IN_PROGRESS", HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, "another shadow copy creation is in progress; only one at a time per machine", VssErrorClass.RetryStep);
        // NeverRetry: needs old shadow copies deleted by the operator first.
        yield return new("VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED", HResults.VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, "the volume already has the maximum number of shadow copies", VssErrorClass.NeverRetry);
        yield return new("VSS_E_WRITER_INFRASTRUCTURE", HResults.VSS_E_WRITER_INFRASTRUCTURE, "the writer infrastructure is not operating properly; check that the Event Service and VSS are started", VssErrorClass.RetrySession);
        // RetrySession: a hung or busy writer often answers in a fresh session; bounded by the retry policy.
        yield return new("VSS_E_WRITER_NOT_RESPONDING", HResults.VSS_E_WRITER_NOT_RESPONDING, "a writer did not respond (generated by VSS)", VssErrorClass.RetrySession);
        // NeverRetry: writer-side error, not something a requester can fix by retrying.
        yield return new("VSS_E_WRITER_ALREADY_SUBSCRIBED", HResults.VSS_E_WRITER_ALREADY_SUBSCRIBED, "the writer has already subscribed", VssErrorClass.NeverRetry);
        // NeverRetry: configuration error: choose another context.
        yield return new("VSS_E_UNSUPPORTED_CONTEXT", HResults.VSS_E_UNSUPPORTED_CONTEXT, "the snapshot context is not supported on this system", VssErrorClass.NeverRetry);
        // RetryStep: the volume becomes free when the other operation ends: retry the step within the deadline.
        yield return new("VSS_E_VOLUME_IN_USE", HResults.VSS_E_VOLUME_IN_USE, "the volume is in use (e.g. by a revert or another LUN operation)", VssErrorClass.RetryStep);
        // NeverRetry: storage configuration must change first.
        yield return new("VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED", HResults.VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED, "the maximum number of diff-area associations has been reached", VssErrorClass.NeverRetry);
        // NeverRetry: retrying without freeing storage fails again; report with the hint.
        yield return new("VSS_E_INSUFFICIENT_STORAGE", HResults.VSS_E_INSUFFICIENT_STORAGE, "not enough diff-area storage for the shadow copy; delete old persistent shadow copies", VssErrorClass.NeverRetry);
        // NeverRetry: transportable import only; not a backup condition.
        yield return new("VSS_E_NO_SNAPSHOTS_IMPORTED", HResults.VSS_E_NO_SNAPSHOTS_IMPORTED, "no shadow copies were imported", VssErrorClass.NeverRetry);
        yield return new("VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED", HResults.VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED, "some shadow copies were not imported (success code)", VssErrorClass.Success);
        // NeverRetry: transportable import only; not a backup condition.
        yield return new("VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED", HResults.VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED, "some shadow copies were not imported", VssErrorClass.NeverRetry);
        // NeverRetry: configuration limit.
        yield return new("VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED", HResults.VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED, "the maximum number of remote machines for this operation has been reached", VssErrorClass.NeverRetry);
        // RetrySession: a file server may come back: retry the whole session per policy.
        yield return new("VSS_E_REMOTE_SERVER_UNAVAILABLE", HResults.VSS_E_REMOTE_SERVER_UNAVAILABLE, "the remote file server is unavailable", VssErrorClass.RetrySession);
        // NeverRetry: a property of the server.
        yield return new("VSS_E_REMOTE_SERVER_UNSUPPORTED", HResults.VSS_E_REMOTE_SERVER_UNSUPPORTED, "the remote file server does not support shadow copies of file shares", VssErrorClass.NeverRetry);
        // RetryStep: the revert ends by itself: retry the step within the deadline.
        yield return new("VSS_E_REVERT_IN_PROGRESS", HResults.VSS_E_REVERT_IN_PROGRESS, "a revert is in progress on the volume", VssErrorClass.RetryStep);
        // NeverRetry: data-loss condition for the operator.
        yield return new("VSS_E_REVERT_VOLUME_LOST", HResults.VSS_E_REVERT_VOLUME_LOST, "the volume was lost during a revert", VssErrorClass.NeverRetry);
        // NeverRetry: nothing changes until the operator reboots.
        yield return new("VSS_E_REBOOT_REQUIRED", HResults.VSS_E_REBOOT_REQUIRED, "the provider requires a restart of the system", VssErrorClass.NeverRetry);
        // RetrySession: a transient timeout; a fresh session usually gets through, and the policy bounds the attempts.
        yield return new("VSS_E_TRANSACTION_FREEZE_TIMEOUT", HResults.VSS_E_TRANSACTION_FREEZE_TIMEOUT, "a timeout occurred while freezing a transaction manager (KTM/DTC)", VssErrorClass.RetrySession);
        // RetrySession: as VSS_E_TRANSACTION_FREEZE_TIMEOUT.
        yield return new("VSS_E_TRANSACTION_THAW_TIMEOUT", HResults.VSS_E_TRANSACTION_THAW_TIMEOUT, "a timeout occurred while thawing a transaction manager (KTM/DTC)", VssErrorClass.RetrySession);
        // NeverRetry: configuration error.
        yield return new("VSS_E_VOLUME_NOT_LOCAL", HResults.VSS_E_VOLUME_NOT_LOCAL, "the volume is not local; shadow copies of remote volumes need a file-share context", VssErrorClass.NeverRetry);
        // RetrySession: cluster service hiccup: a fresh session usually works.
        yield return new("VSS_E_CLUSTER_TIMEOUT", HResults.VSS_E_CLUSTER_TIMEOUT, "a timeout occurred while talking to the cluster service", VssErrorClass.RetrySession);
        // NeverRetry: the same set fails again: the selection must change.
        yield return new("VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT", HResults.VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, "the snapshot set lacks volumes the writer needs; add them or exclude the writer", VssErrorClass.NeverRetry);
        yield return new("VSS_E_WRITERERROR_OUTOFRESOURCES", HResults.VSS_E_WRITERERROR_OUTOFRESOURCES, "the writer ran out of resources; wait ten minutes and retry, up to three times", VssErrorClass.RetrySession);
        yield return new("VSS_E_WRITERERROR_TIMEOUT", HResults.VSS_E_WRITERERROR_TIMEOUT, "the writer timed out between Freeze and Thaw; wait ten minutes and retry, up to three times", VssErrorClass.RetrySession);
        yield return new("VSS_E_WRITERERROR_RETRYABLE", HResults.VSS_E_WRITERERROR_RETRYABLE, "a transient writer error: it would likely not occur if the whole backup were restarted", VssErrorClass.RetrySession);
        // NeverRetry: documented as non-retryable.
        yield return new("VSS_E_WRITERERROR_NONRETRYABLE", HResults.VSS_E_WRITERERROR_NONRETRYABLE, "a writer error that is likely to recur; exclude the writer or fail the component", VssErrorClass.NeverRetry);
        // NeverRetry: the snapshot is unusable; a new backup is a new decision.
        yield return new("VSS_E_WRITERERROR_RECOVERY_FAILED", HResults.VSS_E_WRITERERROR_RECOVERY_FAILED, "the writer's auto-recovery of the shadow copy failed", VssErrorClass.NeverRetry);
        // NeverRetry: hardware-provider operation, not a backup condition.
        yield return new("VSS_E_BREAK_REVERT_ID_FAILED", HResults.VSS_E_BREAK_REVERT_ID_FAILED, "breaking the snapshot set failed to revert the disk id", VssErrorClass.NeverRetry);
        // NeverRetry: a property of the provider.
        yield return new("VSS_E_LEGACY_PROVIDER", HResults.VSS_E_LEGACY_PROVIDER, "this version of the hardware provider does not support the operation", VssErrorClass.NeverRetry);
        // NeverRetry: hardware-provider/ASR condition for the operator.
        yield return new("VSS_E_MISSING_DISK", HResults.VSS_E_MISSING_DISK, "an expected disk did not arrive in the system", VssErrorClass.NeverRetry);
        // NeverRetry: hardware-provider/ASR condition for the operator.
        yield return new("VSS_E_MISSING_HIDDEN_VOLUME", HResults.VSS_E_MISSING_HIDDEN_VOLUME, "an expected hidden volume did not arrive in the system", VssErrorClass.NeverRetry);
        // NeverRetry: hardware-provider/ASR condition for the operator.
        yield return new("VSS_E_MISSING_VOLUME", HResults.VSS_E_MISSING_VOLUME, "an expected volume did not arrive in the system", VssErrorClass.NeverRetry);
        // NeverRetry: the snapshot is unusable.
        yield return new("VSS_E_AUTORECOVERY_FAILED", HResults.VSS_E_AUTORECOVERY_FAILED, "the auto-recovery operation failed", VssErrorClass.NeverRetry);
        // NeverRetry: disk configuration problem.
        yield return new("VSS_E_DYNAMIC_DISK_ERROR", HResults.VSS_E_DYNAMIC_DISK_ERROR, "an error occurred processing dynamic disks", VssErrorClass.NeverRetry);
        // NeverRetry: bad input document.
        yield return new("VSS_E_NONTRANSPORTABLE_BCD", HResults.VSS_E_NONTRANSPORTABLE_BCD, "the backup components document is not for a transportable shadow copy", VssErrorClass.NeverRetry);
        // NeverRetry: hardware-provider operation.
        yield return new("VSS_E_CANNOT_REVERT_DISKID", HResults.VSS_E_CANNOT_REVERT_DISKID, "the disk id of the LUN could not be reverted", VssErrorClass.NeverRetry);
        // RetryStep: the resync ends by itself: retry the step within the deadline.
        yield return new("VSS_E_RESYNC_IN_PROGRESS", HResults.VSS_E_RESYNC_IN_PROGRESS, "a LUN resynchronisation is in progress", VssErrorClass.RetryStep);
        // NeverRetry: cluster configuration problem; report.
        yield return new("VSS_E_CLUSTER_ERROR", HResults.VSS_E_CLUSTER_ERROR, "a clustered-volume operation failed", VssErrorClass.NeverRetry);
        // NeverRetry: the caller's bug.
        yield return new("VSS_E_UNSELECTED_VOLUME", HResults.VSS_E_UNSELECTED_VOLUME, "the volume is not in the snapshot set of the resync/revert", VssErrorClass.NeverRetry);
        // NeverRetry: the caller's bug.
        yield return new("VSS_E_SNAPSHOT_NOT_IN_SET", HResults.VSS_E_SNAPSHOT_NOT_IN_SET, "the shadow copy is not part of the set", VssErrorClass.NeverRetry);
        // NeverRetry: a property of the volume layout: skip the volume.
        yield return new("VSS_E_NESTED_VOLUME_LIMIT", HResults.VSS_E_NESTED_VOLUME_LIMIT, "a VHD is nested too deeply, or a VHD and its host volume are in the same set", VssErrorClass.NeverRetry);
        // NeverRetry: a property of the system.
        yield return new("VSS_E_NOT_SUPPORTED", HResults.VSS_E_NOT_SUPPORTED, "the operation is not supported", VssErrorClass.NeverRetry);
        // NeverRetry: per-component reporting; a retry repeats the component failures.
        yield return new("VSS_E_WRITERERROR_PARTIAL_FAILURE", HResults.VSS_E_WRITERERROR_PARTIAL_FAILURE, "the writer reported component-level failures (see IVssComponentEx2::GetFailure)", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED", HResults.VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED, "ASR: disk assignment failed", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_DISK_RECREATION_FAILED", HResults.VSS_E_ASRERROR_DISK_RECREATION_FAILED, "ASR: disk re-creation failed", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_NO_ARCPATH", HResults.VSS_E_ASRERROR_NO_ARCPATH, "ASR: no ARC path for the system disk", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_MISSING_DYNDISK", HResults.VSS_E_ASRERROR_MISSING_DYNDISK, "ASR: a dynamic disk is missing", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_SHARED_CRIDISK", HResults.VSS_E_ASRERROR_SHARED_CRIDISK, "ASR: a critical disk is shared", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_DATADISK_RDISK0", HResults.VSS_E_ASRERROR_DATADISK_RDISK0, "ASR: a data disk is rdisk0", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_RDISK0_TOOSMALL", HResults.VSS_E_ASRERROR_RDISK0_TOOSMALL, "ASR: rdisk0 is too small", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL", HResults.VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL, "ASR: the critical disks are too small", VssErrorClass.NeverRetry);
        yield return new("VSS_E_WRITER_STATUS_NOT_AVAILABLE", HResults.VSS_E_WRITER_STATUS_NOT_AVAILABLE, "the writer's status is not available: it reached its maximum number of sessions; retry when less busy", VssErrorClass.RetrySession);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED", HResults.VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED, "ASR: dynamic VHDs are not supported", VssErrorClass.NeverRetry);
        // NeverRetry: disk layout problem.
        yield return new("VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK", HResults.VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK, "a critical volume is on a disk that cannot be backed up", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND", HResults.VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND, "ASR: no disk found for the system disk", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE", HResults.VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE, "ASR: no physical disk available", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION", HResults.VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION, "ASR: a fixed physical disk is available after disk exclusion", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED", HResults.VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED, "ASR: a critical disk cannot be excluded", VssErrorClass.NeverRetry);
        // NeverRetry: ASR restore condition.
        yield return new("VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN", HResults.VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN, "ASR: the system partition is hidden", VssErrorClass.NeverRetry);
        // RetrySession: remote agent hiccup: a fresh session usually works.
        yield return new("VSS_E_FSS_TIMEOUT", HResults.VSS_E_FSS_TIMEOUT, "a timeout occurred in the File Server Shadow Copy agent", VssErrorClass.RetrySession);
    }
}
