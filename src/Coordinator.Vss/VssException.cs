namespace Coordinator.Vss;

/// <summary>
/// A failed VSS call. Unlike AlphaVSS, <see cref="Exception.HResult"/> is the VSS code, and the exception
/// names the operation and, where one is involved, the writer. Create instances with
/// <see cref="VssException.Create"/> so codes the coordinator treats specially get their subclass.
/// </summary>
public class VssException : Exception
{
    public VssException(int hresult, string operation, string? writer = null, string? detail = null, Exception? innerException = null)
        : base(FormatMessage(hresult, operation, writer, detail), innerException)
    {
        HResult = hresult;
        Operation = operation;
        Writer = writer;
        Detail = detail;
    }

    /// <summary>The VSS operation that failed, e.g. "GatherWriterMetadata".</summary>
    public string Operation { get; }

    /// <summary>The writer involved, when the failure is a writer's.</summary>
    public string? Writer { get; }

    /// <summary>Extra context, e.g. the volume name.</summary>
    public string? Detail { get; }

    /// <summary>The documented name of the HRESULT, e.g. VSS_E_WRITER_INFRASTRUCTURE, or its hex form if unknown.</summary>
    public string ErrorName => VssErrorCatalog.NameOf(HResult);

    /// <summary>How the coordinator may retry after this error.</summary>
    public VssErrorClass ErrorClass => VssErrorCatalog.ClassOf(HResult);

    /// <summary>The HRESULT as 0xXXXXXXXX.</summary>
    public string HResultHex => VssErrorCatalog.ToHex(HResult);

    /// <summary>Builds the exception for <paramref name="hresult"/>, choosing the subclass the coordinator handles specially.</summary>
    public static VssException Create(int hresult, string operation, string? writer = null, string? detail = null, Exception? innerException = null) =>
        VssExceptionFactory.Create(hresult, operation, writer, detail, innerException);

    private static string FormatMessage(int hresult, string operation, string? writer, string? detail)
    {
        var error = VssErrorCatalog.Find(hresult);
        var name = error?.Name ?? "unknown HRESULT";
        var text = $"{operation} failed with {name} ({VssErrorCatalog.ToHex(hresult)})";
        if (writer is not null)
        {
            text += $" for writer '{writer}'";
        }
        if (detail is not null)
        {
            text += $" [{detail}]";
        }
        if (error is not null)
        {
            text += $": {error.Meaning}";
        }
        return text;
    }
}
