using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Coordinator.Vss.Tests.Catalog;

public sealed partial class VssErrorCatalogTests
{
    private const string VssErrorHeader = "/usr/share/mingw-w64/include/vsserror.h";

    [GeneratedRegex(@"^#define\s+(VSS_[ES]_\w+)\s+\(\(HRESULT\)(0x[0-9A-Fa-f]{8})\)", RegexOptions.Multiline)]
    private static partial Regex HeaderDefine();

    [FactWhenFileExists(VssErrorHeader, "install Debian's mingw-w64-common (apt-get install mingw-w64-common)")]
    public void Every_code_of_MinGW_vsserror_h_is_in_the_catalogue_with_the_same_value()
    {
        var defines = HeaderDefine().Matches(File.ReadAllText(VssErrorHeader))
            .Select(m => (Name: m.Groups[1].Value, Value: unchecked((int)uint.Parse(m.Groups[2].Value[2..], NumberStyles.HexNumber))))
            .ToList();

        Assert.True(defines.Count >= 80, $"only {defines.Count} codes parsed from {VssErrorHeader}: the regex no longer matches the header");
        Assert.All(defines, d =>
        {
            var entry = VssErrorCatalog.Find(d.Name);
            Assert.True(entry is not null, $"{d.Name} is missing from the catalogue");
            Assert.True(d.Value == entry!.Value, $"{d.Name}: header {VssErrorCatalog.ToHex(d.Value)}, catalogue {VssErrorCatalog.ToHex(entry.Value)}");
            Assert.Same(entry, VssErrorCatalog.Find(d.Value));
        });
    }

    [Theory]
    [InlineData("E_ACCESSDENIED", 0x80070005u)]
    [InlineData("E_INVALIDARG", 0x80070057u)]
    [InlineData("E_OUTOFMEMORY", 0x8007000Eu)]
    [InlineData("E_UNEXPECTED", 0x8000FFFFu)]
    [InlineData("E_NOTIMPL", 0x80004001u)]
    [InlineData("RPC_E_WRONG_THREAD", 0x8001010Eu)]
    [InlineData("RPC_E_CHANGED_MODE", 0x80010106u)]
    [InlineData("RPC_E_TOO_LATE", 0x80010119u)]
    [InlineData("S_OK", 0u)]
    public void The_COM_codes_a_requester_meets_are_catalogued(string name, uint value)
    {
        var entry = VssErrorCatalog.Find(name);

        Assert.NotNull(entry);
        Assert.Equal(unchecked((int)value), entry.Value);
    }

    [Theory]
    [InlineData("VSS_E_WRITER_INFRASTRUCTURE", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_SNAPSHOT_SET_IN_PROGRESS", VssErrorClass.RetryStep)]
    [InlineData("VSS_E_WRITERERROR_RETRYABLE", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_WRITERERROR_OUTOFRESOURCES", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_WRITERERROR_TIMEOUT", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_WRITER_STATUS_NOT_AVAILABLE", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_PROVIDER_VETO", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_UNEXPECTED_PROVIDER_ERROR", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_FLUSH_WRITES_TIMEOUT", VssErrorClass.RetrySession)]
    [InlineData("VSS_E_HOLD_WRITES_TIMEOUT", VssErrorClass.RetrySession)]
    [InlineData("E_ACCESSDENIED", VssErrorClass.NeverRetry)]
    [InlineData("E_INVALIDARG", VssErrorClass.NeverRetry)]
    [InlineData("VSS_E_BAD_STATE", VssErrorClass.NeverRetry)]
    [InlineData("E_NOTIMPL", VssErrorClass.NeverRetry)]
    [InlineData("VSS_S_ASYNC_FINISHED", VssErrorClass.Success)]
    [InlineData("VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED", VssErrorClass.Success)]
    public void Retry_classes_follow_the_documented_retry_policy(string name, VssErrorClass expected)
    {
        Assert.Equal(expected, VssErrorCatalog.Find(name)!.Class);
    }

    [Fact]
    public void Success_codes_and_only_they_are_in_the_success_class()
    {
        Assert.All(VssErrorCatalog.All, e =>
            Assert.True(e.Value >= 0 == (e.Class == VssErrorClass.Success), $"{e.Name} ({VssErrorCatalog.ToHex(e.Value)}) is {e.Class}"));
    }

    [Fact]
    public void Every_HResults_constant_is_catalogued_under_its_own_name()
    {
        var constants = typeof(HResults).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToList();

        Assert.True(constants.Count >= 89);
        Assert.All(constants, f => Assert.Equal((int)f.GetRawConstantValue()!, VssErrorCatalog.Find(f.Name)?.Value));
        Assert.Equal(constants.Count, VssErrorCatalog.All.Count);
    }

    [Fact]
    public void Every_entry_has_a_meaning()
    {
        Assert.All(VssErrorCatalog.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Meaning), e.Name));
    }

    [Theory]
    [InlineData("VSS_E_BAD_STATE", 0x80042301u)]
    [InlineData("vss_e_bad_state", 0x80042301u)]
    [InlineData("0x80042318", 0x80042318u)]
    [InlineData(" 0X8004230c ", 0x8004230Cu)]
    public void TryParse_accepts_names_and_hex(string text, uint expected)
    {
        Assert.True(VssErrorCatalog.TryParse(text, out var hresult));
        Assert.Equal(unchecked((int)expected), hresult);
    }

    [Theory]
    [InlineData("VSS_E_NOPE")]
    [InlineData("0xZZ")]
    [InlineData("")]
    public void TryParse_rejects_unknown_text(string text)
    {
        Assert.False(VssErrorCatalog.TryParse(text, out _));
    }

    [Fact]
    public void Unknown_failures_are_never_retried_and_named_in_hex()
    {
        Assert.Equal(VssErrorClass.NeverRetry, VssErrorCatalog.ClassOf(unchecked((int)0x8badf00d)));
        Assert.Equal("0x8BADF00D", VssErrorCatalog.NameOf(unchecked((int)0x8badf00d)));
    }
}
