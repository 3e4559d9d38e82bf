namespace Coordinator.Vss.Tests.Catalog;

public sealed class VssExceptionFactoryTests
{
    public static TheoryData<int, Type> SpecialCodes => new()
    {
        { HResults.VSS_E_WRITER_INFRASTRUCTURE, typeof(VssWriterInfrastructureException) },
        { HResults.VSS_E_BAD_STATE, typeof(VssBadStateException) },
        { HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, typeof(VssSnapshotSetInProgressException) },
        { HResults.VSS_E_OBJECT_NOT_FOUND, typeof(VssObjectNotFoundException) },
        { HResults.VSS_E_OBJECT_ALREADY_EXISTS, typeof(VssException) },
        { HResults.VSS_E_VOLUME_NOT_SUPPORTED, typeof(VssException) },
        { HResults.VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER, typeof(VssException) },
        { HResults.E_ACCESSDENIED, typeof(VssAccessDeniedException) },
        { HResults.E_INVALIDARG, typeof(VssException) },
        { HResults.VSS_E_WRITERERROR_RETRYABLE, typeof(VssException) },
        { HResults.VSS_E_WRITERERROR_OUTOFRESOURCES, typeof(VssException) },
        { HResults.VSS_E_WRITERERROR_TIMEOUT, typeof(VssException) },
        { HResults.RPC_E_WRONG_THREAD, typeof(VssWrongThreadException) },
        { HResults.E_NOTIMPL, typeof(VssNotAvailableException) },
        { HResults.VSS_E_UNEXPECTED, typeof(VssException) },
        { HResults.E_UNEXPECTED, typeof(VssException) },
        { HResults.VSS_E_PROVIDER_VETO, typeof(VssException) },
        { unchecked((int)0x8badf00d), typeof(VssException) },
    };

    [Theory]
    [MemberData(nameof(SpecialCodes))]
    public void Create_chooses_the_subclass_and_sets_Exception_HResult(int hresult, Type expected)
    {
        var error = VssException.Create(hresult, "GatherWriterStatus", "SqlServerWriter", "volume D:\\");

        Assert.IsType(expected, error);
        Assert.Equal(hresult, error.HResult);
        Assert.Equal("GatherWriterStatus", error.Operation);
        Assert.Equal("SqlServerWriter", error.Writer);
    }

    [Fact]
    public void The_message_says_operation_name_hex_writer_detail_and_meaning()
    {
        var error = VssException.Create(HResults.VSS_E_WRITER_INFRASTRUCTURE, "GatherWriterMetadata", "System Writer", "attempt 2");

        Assert.Contains("GatherWriterMetadata", error.Message);
        Assert.Contains("VSS_E_WRITER_INFRASTRUCTURE", error.Message);
        Assert.Contains("0x80042318", error.Message);
        Assert.Contains("System Writer", error.Message);
        Assert.Contains("attempt 2", error.Message);
        Assert.Contains("Event Service", error.Message);
        Assert.Equal(VssErrorClass.RetrySession, error.ErrorClass);
    }
}
