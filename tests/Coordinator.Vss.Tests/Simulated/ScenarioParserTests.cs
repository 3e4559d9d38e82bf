using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>Scenario files: the shape src/Coordinator.Vss/Simulated/README.md documents works as written; every malformation names its JSON path and the expectation.</summary>
public sealed class ScenarioParserTests : IDisposable
{
    private const string DocumentedExample = """
        {
          "volumes": ["C:\\", "D:\\", "E:\\"],
          "unsupportedVolumes": ["E:\\"],
          "persistentStateFile": "sim-host.json",
          "latencyMs": { "GatherWriterMetadata": 40, "DoSnapshotSet": 120 },
          "faults": [
            { "call": "GatherWriterMetadata", "hresult": "VSS_E_WRITER_INFRASTRUCTURE", "times": 2 },
            { "call": "GatherWriterStatus", "hresult": "0x80042318", "times": 1, "afterCall": "BackupComplete" }
          ],
          "writerFaults": [
            { "writer": "SqlServerWriter", "phase": "Freeze", "state": "VSS_WS_FAILED_AT_FREEZE",
              "hresult": "VSS_E_WRITERERROR_RETRYABLE", "times": 1 }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("vss-scenario-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_documented_example_parses_as_written()
    {
        var path = Path.Combine(_directory, "scenario.json");
        File.WriteAllText(path, DocumentedExample);

        var scenario = ScenarioParser.ParseFile(path);

        Assert.Equal([@"C:\", @"D:\", @"E:\"], scenario.Volumes);
        Assert.Equal([@"E:\"], scenario.UnsupportedVolumes);
        Assert.Equal(Path.Combine(_directory, "sim-host.json"), scenario.PersistentStateFile);
        Assert.Equal(TimeSpan.FromMilliseconds(40), scenario.Latency[VssCallNames.GatherWriterMetadata]);
        Assert.Equal(TimeSpan.FromMilliseconds(120), scenario.Latency[VssCallNames.DoSnapshotSet]);
        Assert.Collection(scenario.Faults,
            f =>
            {
                Assert.Equal(VssCallNames.GatherWriterMetadata, f.Call);
                Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, f.HResult);
                Assert.Equal(2, f.Times);
                Assert.Null(f.AfterCall);
                Assert.Equal(FaultSite.Async, f.EffectiveSite);
            },
            f =>
            {
                Assert.Equal(VssCallNames.GatherWriterStatus, f.Call);
                Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, f.HResult);
                Assert.Equal(VssCallNames.BackupComplete, f.AfterCall);
            });
        var writerFault = Assert.Single(scenario.WriterFaults);
        Assert.Equal(DefaultWriters.SqlServerWriter, writerFault.Writer);
        Assert.Equal(WriterPhase.Freeze, writerFault.Phase);
        Assert.Equal(VssWriterState.FailedAtFreeze, writerFault.State);
        Assert.Equal(HResults.VSS_E_WRITERERROR_RETRYABLE, writerFault.HResult);
    }

    [Fact]
    public void A_host_from_the_documented_example_behaves_as_the_scenario_says()
    {
        var path = Path.Combine(_directory, "scenario.json");
        File.WriteAllText(path, DocumentedExample);
        var clock = new ManualTimeProvider();
        var host = SimulatedVssHost.FromScenarioFile(path, clock);

        using (var first = Sim.Initialized(host))
        {
            using var gather = first.GatherWriterMetadata();
            Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
            clock.Advance(TimeSpan.FromMilliseconds(40));
            Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, gather.QueryStatus());
        }
        using (var second = Sim.Initialized(host))
        {
            Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, second.GatherWriterMetadata().WaitForStatus(TimeSpan.FromSeconds(1)));
        }
        using var third = Sim.Initialized(host);
        Assert.False(third.IsVolumeSupported(@"E:\"));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, third.GatherWriterMetadata().WaitForStatus(TimeSpan.FromSeconds(1)));
        third.FreeWriterMetadata();
        Assert.Equal(Path.Combine(_directory, "sim-host.json"), host.PersistentStateFile);
    }

    [Fact]
    public void Two_hosts_from_one_scenario_count_faults_separately()
    {
        var scenario = ScenarioParser.Parse("""{ "faults": [ { "call": "QuerySnapshots", "hresult": "E_OUTOFMEMORY" } ] }""");
        var a = scenario.CreateHost(new ManualTimeProvider());
        var b = scenario.CreateHost(new ManualTimeProvider());

        using var onA = Sim.Initialized(a);
        using var onB = Sim.Initialized(b);

        Sim.AssertCode(HResults.E_OUTOFMEMORY, Sim.Throws(() => onA.QuerySnapshots()));
        Sim.AssertCode(HResults.E_OUTOFMEMORY, Sim.Throws(() => onB.QuerySnapshots()));
    }

    [Fact]
    public void Extensions_parse_where_writers_machine_name_and_latency_scale()
    {
        var scenario = ScenarioParser.Parse("""
            {
              "machineName": "FILESRV",
              "latencyScale": 0.5,
              "faults": [ { "call": "GatherWriterStatus", "hresult": "E_ACCESSDENIED", "where": "create" },
                          { "call": "DoSnapshotSet", "hresult": "VSS_E_PROVIDER_VETO", "where": "async" } ],
              "writers": [ { "name": "AppWriter", "classId": "11111111-1111-1111-1111-111111111111",
                             "instanceId": "22222222-2222-2222-2222-222222222222", "usage": "UserData", "source": "NonTransactedDb",
                             "components": [ { "name": "data", "type": "FileGroup", "selectable": false,
                                               "files": [ { "path": "D:\\app", "filespec": "*.dat", "recursive": true } ] } ],
                             "excludeFiles": [ { "path": "D:\\app", "filespec": "*.tmp" } ] } ]
            }
            """);
        var host = scenario.CreateHost(new ManualTimeProvider());

        Assert.Equal("FILESRV", host.MachineName);
        Assert.Equal(0.5, host.Latency.Scale);
        Assert.Equal(FaultSite.Call, scenario.Faults[0].Where);
        Assert.Equal(FaultSite.Async, scenario.Faults[1].Where);
        using var vss = Sim.Initialized(host);
        var writer = Assert.Single(Sim.GatherMetadata(vss));
        Assert.Equal("AppWriter", writer.WriterName);
        Assert.Equal(VssSourceType.NonTransactedDb, writer.Source);
        var file = Assert.Single(Assert.Single(writer.Components).Files);
        Assert.Equal(new VssWMFileDescriptor(@"D:\app", "*.dat", true), file);
        Assert.Equal(new VssWMFileDescriptor(@"D:\app", "*.tmp", false), Assert.Single(writer.ExcludeFiles));
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        {
            """{ "faults": [ { "call": "GatherWriterMetadata", "hresult": "VSS_E_BAD_STATE" }, { "call": "DoSnapshotSet", "hresult": "VSS_E_NOPE" } ] }""",
            "$.faults[1].hresult",
            "expected an HRESULT name like VSS_E_BAD_STATE or hex like 0x80042301, found \"VSS_E_NOPE\""
        },
        { """{ "faults": [ { "call": "GatherWriterMetaData", "hresult": "E_OUTOFMEMORY" } ] }""", "$.faults[0].call", "expected a call name" },
        { """{ "faults": [ { "call": "DoSnapshotSet" } ] }""", "$.faults[0].hresult", "found nothing" },
        { """{ "faults": [ { "call": "DoSnapshotSet", "hresult": "S_OK" } ] }""", "$.faults[0].hresult", "a failure HRESULT" },
        { """{ "faults": [ { "call": "DoSnapshotSet", "hresult": "E_OUTOFMEMORY", "times": 0 } ] }""", "$.faults[0].times", "found 0" },
        { """{ "faults": [ { "call": "DoSnapshotSet", "hresult": "E_OUTOFMEMORY", "afterCall": "Backup" } ] }""", "$.faults[0].afterCall", "expected a call name" },
        { """{ "faults": [ { "call": "StartSnapshotSet", "hresult": "E_OUTOFMEMORY", "where": "async" } ] }""", "$.faults[0].where", "StartSnapshotSet is synchronous" },
        { """{ "faults": [ { "call": "DoSnapshotSet", "hresult": "E_OUTOFMEMORY", "where": "later" } ] }""", "$.faults[0].where", "found \"later\"" },
        { """{ "faults": [ { "call": "DoSnapshotSet", "hresult": "E_OUTOFMEMORY", "tims": 2 } ] }""", "$.faults[0].tims", "known properties: call, hresult, times, afterCall, where" },
        { """{ "faults": {} }""", "$.faults", "expected an array, found {}" },
        { """{ "volumes": ["C:"] }""", "$.volumes[0]", "trailing backslash" },
        { """{ "unsupportedVolumes": [3] }""", "$.unsupportedVolumes[0]", "found 3" },
        { """{ "latencyMs": { "StartSnapshotSet": 5 } }""", "$.latencyMs.StartSnapshotSet", "an asynchronous operation name" },
        { """{ "latencyMs": { "DoSnapshotSet": -5 } }""", "$.latencyMs.DoSnapshotSet", "milliseconds from 0 to 86400000" },
        { """{ "latencyScale": "fast" }""", "$.latencyScale", "a number from 0 to 1000" },
        { """{ "latencyScale": 1e6 }""", "$.latencyScale", "a number from 0 to 1000" },
        { """{ "latencyMs": { "DoSnapshotSet": 1e300 } }""", "$.latencyMs.DoSnapshotSet", "milliseconds from 0 to 86400000 (one day), found 1e300" },
        { """{ "persistentStateFile": 12 }""", "$.persistentStateFile", "a file name" },
        { """{ "writerFaults": [ { "writer": "SqlServerWriter", "phase": "Freeze", "hresult": "0x800423F3", "state": "VSS_WS_STABLE" } ] }""", "$.writerFaults[0].state", "VSS_WS_FAILED_AT_*" },
        { """{ "writerFaults": [ { "writer": "SqlServerWriter", "phase": "Frozen", "hresult": "0x800423F3" } ] }""", "$.writerFaults[0].phase", "one of Identify, PrepareForBackup" },
        { """{ "writerFaults": [ { "writer": "SqlServerWriter", "phase": "Freeze", "hresult": "0x800423F3", "state": "FROZEN" } ] }""", "$.writerFaults[0].state", "VSS_WS_FAILED_AT_FREEZE" },
        { """{ "writers": [ { "name": "W", "classId": "not-a-guid", "instanceId": "22222222-2222-2222-2222-222222222222" } ] }""", "$.writers[0].classId", "a GUID" },
        { """{ "writers": [ { "name": "W", "classId": "11111111-1111-1111-1111-111111111111", "instanceId": "22222222-2222-2222-2222-222222222222", "components": [ { "name": "c", "files": [ { "path": "D:\\x" } ] } ] } ] }""", "$.writers[0].components[0].files[0].filespec", "required" },
        { """{ "writers": [ { "name": "W", "classId": "11111111-1111-1111-1111-111111111111", "instanceId": "22222222-2222-2222-2222-222222222222", "components": [ { "name": "c", "type": "Table" } ] } ] }""", "$.writers[0].components[0].type", "one of Undefined, Database, FileGroup" },
        { """[1, 2]""", "$", "expected an object" },
        { """{ "volumes": [ """, "$", "valid JSON" },
        { """{ "volume": ["C:\\"] }""", "$.volume", "no such property" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_scenario_names_the_path_and_the_expectation(string json, string path, string messagePart)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(json, source: "bad.json"));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(messagePart, error.Message);
        Assert.StartsWith($"scenario 'bad.json': {path}: expected ", error.Message);
    }

    [Fact]
    public void A_missing_scenario_file_is_a_ScenarioException_naming_the_file()
    {
        var missing = Path.Combine(_directory, "missing.json");

        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.ParseFile(missing));

        Assert.Contains(missing, error.Message);
    }
}
