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
}
