namespace Coordinator.Vss;

/// <summary>
/// HRESULT constants the coordinator refers to by name. The full catalogue with meanings and retry
/// classes is <see cref="VssErrorCatalog"/>.
/// </summary>
public static class HResults
{
    public const int S_OK = 0;
    public const int VSS_S_ASYNC_PENDING = 0x00042309;
    public const int VSS_S_ASYNC_FINISHED = 0x0004230A;
    public const int VSS_S_ASYNC_CANCELLED = 0x0004230B;

    public const int E_ACCESSDENIED = unchecked((int)0x80070005);
    public const int E_INVALIDARG = unchecked((int)0x80070057);
    public const int E_OUTOFMEMORY = unchecked((int)0x8007000E);
    public const int E_UNEXPECTED = unchecked((int)0x8000FFFF);
    public const int E_NOTIMPL = unchecked((int)0x80004001);
    public const int RPC_E_WRONG_THREAD = unchecked((int)0x8001010E);
    public const int RPC_E_CHANGED_MODE = unchecked((int)0x80010106);
    public const int RPC_E_TOO_LATE = unchecked((int)0x80010119);

    public const int VSS_E_BAD_STATE = unchecked((int)0x80042301);
    public const int VSS_E_UNEXPECTED = unchecked((int)0x80042302);
    public const int VSS_E_PROVIDER_VETO = unchecked((int)0x80042306);
    public const int VSS_E_OBJECT_NOT_FOUND = unchecked((int)0x80042308);
    public const int VSS_E_VOLUME_NOT_SUPPORTED = unchecked((int)0x8004230C);
    public const int VSS_E_OBJECT_ALREADY_EXISTS = unchecked((int)0x8004230D);
    public const int VSS_E_UNEXPECTED_PROVIDER_ERROR = unchecked((int)0x8004230F);
    public const int VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED = unchecked((int)0x80042312);
    public const int VSS_E_FLUSH_WRITES_TIMEOUT = unchecked((int)0x80042313);
    public const int VSS_E_HOLD_WRITES_TIMEOUT = unchecked((int)0x80042314);
    public const int VSS_E_UNEXPECTED_WRITER_ERROR = unchecked((int)0x80042315);
    public const int VSS_E_SNAPSHOT_SET_IN_PROGRESS = unchecked((int)0x80042316);
    public const int VSS_E_WRITER_INFRASTRUCTURE = unchecked((int)0x80042318);
    public const int VSS_E_WRITER_NOT_RESPONDING = unchecked((int)0x80042319);
    public const int VSS_E_INSUFFICIENT_STORAGE = unchecked((int)0x8004231F);
    public const int VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT = unchecked((int)0x800423F0);
    public const int VSS_E_WRITERERROR_OUTOFRESOURCES = unchecked((int)0x800423F1);
    public const int VSS_E_WRITERERROR_TIMEOUT = unchecked((int)0x800423F2);
    public const int VSS_E_WRITERERROR_RETRYABLE = unchecked((int)0x800423F3);
    public const int VSS_E_WRITERERROR_NONRETRYABLE = unchecked((int)0x800423F4);
    public const int VSS_E_WRITER_STATUS_NOT_AVAILABLE = unchecked((int)0x80042409);

    // The rest of MinGW's vsserror.h, in header order.
    public const int VSS_E_PROVIDER_ALREADY_REGISTERED = unchecked((int)0x80042303);
    public const int VSS_E_PROVIDER_NOT_REGISTERED = unchecked((int)0x80042304);
    public const int VSS_E_PROVIDER_IN_USE = unchecked((int)0x80042307);
    public const int VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER = unchecked((int)0x8004230E);
    public const int VSS_E_CORRUPT_XML_DOCUMENT = unchecked((int)0x80042310);
    public const int VSS_E_INVALID_XML_DOCUMENT = unchecked((int)0x80042311);
    public const int VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED = unchecked((int)0x80042317);
    public const int VSS_E_WRITER_ALREADY_SUBSCRIBED = unchecked((int)0x8004231A);
    public const int VSS_E_UNSUPPORTED_CONTEXT = unchecked((int)0x8004231B);
    public const int VSS_E_VOLUME_IN_USE = unchecked((int)0x8004231D);
    public const int VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED = unchecked((int)0x8004231E);
    public const int VSS_E_NO_SNAPSHOTS_IMPORTED = unchecked((int)0x80042320);
    public const int VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED = 0x00042321;
    public const int VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED = unchecked((int)0x80042321);
    public const int VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED = unchecked((int)0x80042322);
    public const int VSS_E_REMOTE_SERVER_UNAVAILABLE = unchecked((int)0x80042323);
    public const int VSS_E_REMOTE_SERVER_UNSUPPORTED = unchecked((int)0x80042324);
    public const int VSS_E_REVERT_IN_PROGRESS = unchecked((int)0x80042325);
    public const int VSS_E_REVERT_VOLUME_LOST = unchecked((int)0x80042326);
    public const int VSS_E_REBOOT_REQUIRED = unchecked((int)0x80042327);
    public const int VSS_E_TRANSACTION_FREEZE_TIMEOUT = unchecked((int)0x80042328);
    public const int VSS_E_TRANSACTION_THAW_TIMEOUT = unchecked((int)0x80042329);
    public const int VSS_E_VOLUME_NOT_LOCAL = unchecked((int)0x8004232D);
    public const int VSS_E_CLUSTER_TIMEOUT = unchecked((int)0x8004232E);
    public const int VSS_E_WRITERERROR_RECOVERY_FAILED = unchecked((int)0x800423F5);
    public const int VSS_E_BREAK_REVERT_ID_FAILED = unchecked((int)0x800423F6);
    public const int VSS_E_LEGACY_PROVIDER = unchecked((int)0x800423F7);
    public const int VSS_E_MISSING_DISK = unchecked((int)0x800423F8);
    public const int VSS_E_MISSING_HIDDEN_VOLUME = unchecked((int)0x800423F9);
    public const int VSS_E_MISSING_VOLUME = unchecked((int)0x800423FA);
    public const int VSS_E_AUTORECOVERY_FAILED = unchecked((int)0x800423FB);
    public const int VSS_E_DYNAMIC_DISK_ERROR = unchecked((int)0x800423FC);
    public const int VSS_E_NONTRANSPORTABLE_BCD = unchecked((int)0x800423FD);
    public const int VSS_E_CANNOT_REVERT_DISKID = unchecked((int)0x800423FE);
    public const int VSS_E_RESYNC_IN_PROGRESS = unchecked((int)0x800423FF);
    public const int VSS_E_CLUSTER_ERROR = unchecked((int)0x80042400);
    public const int VSS_E_UNSELECTED_VOLUME = unchecked((int)0x8004232A);
    public const int VSS_E_SNAPSHOT_NOT_IN_SET = unchecked((int)0x8004232B);
    public const int VSS_E_NESTED_VOLUME_LIMIT = unchecked((int)0x8004232C);
    public const int VSS_E_NOT_SUPPORTED = unchecked((int)0x8004232F);
    public const int VSS_E_WRITERERROR_PARTIAL_FAILURE = unchecked((int)0x80042336);
    public const int VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED = unchecked((int)0x80042401);
    public const int VSS_E_ASRERROR_DISK_RECREATION_FAILED = unchecked((int)0x80042402);
    public const int VSS_E_ASRERROR_NO_ARCPATH = unchecked((int)0x80042403);
    public const int VSS_E_ASRERROR_MISSING_DYNDISK = unchecked((int)0x80042404);
    public const int VSS_E_ASRERROR_SHARED_CRIDISK = unchecked((int)0x80042405);
    public const int VSS_E_ASRERROR_DATADISK_RDISK0 = unchecked((int)0x80042406);
    public const int VSS_E_ASRERROR_RDISK0_TOOSMALL = unchecked((int)0x80042407);
    public const int VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL = unchecked((int)0x80042408);
    public const int VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED = unchecked((int)0x8004240A);
    public const int VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK = unchecked((int)0x80042411);
    public const int VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND = unchecked((int)0x80042412);
    public const int VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE = unchecked((int)0x80042413);
    public const int VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION = unchecked((int)0x80042414);
    public const int VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED = unchecked((int)0x80042415);
    public const int VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN = unchecked((int)0x80042416);
    public const int VSS_E_FSS_TIMEOUT = unchecked((int)0x80042417);
}
