namespace Coordinator.Vss;

/// <summary>Maps an HRESULT to the <see cref="VssException"/> subclass the coordinator handles specially.</summary>
internal static class VssExceptionFactory
{
    public static VssException Create(int hresult, string operation, string? writer, string? detail, Exception? innerException) =>
        new(hresult, operation, writer, detail, innerException);
}
