using Coordinator.Tests.Hosting;
using Coordinator.Tests.Support;
using FsCheck.Fluent;

namespace Coordinator.Tests.Properties;

/// <summary>
/// Random and adversarial HOCON files (--config), scenario files (--scenario) and environment overrides
/// (coordinator__...) against the CLI contract (<see cref="CliContract"/>): each is a job or one line naming the file,
/// the JSON path or the setting. Environment variables are process-wide, hence the collection.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConfigurationProperties : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>Every setting of the coordinator section, and a few of Akka's that the actor system reads as it starts.</summary>
    private static readonly string[] Keys =
    [
        "coordinator.provider", "coordinator.scenario", "coordinator.journal",
        "coordinator.session.dispatcher", "coordinator.gate.dispatcher",
        "coordinator.session.timeouts.gather-writer-metadata", "coordinator.session.timeouts.prepare-for-backup",
        "coordinator.session.timeouts.do-snapshot-set", "coordinator.session.timeouts.backup-complete",
        "coordinator.session.timeouts.gather-writer-status", "coordinator.session.timeouts.wait-slice",
        "coordinator.retry.max-attempts", "coordinator.retry.min-backoff", "coordinator.retry.max-backoff",
        "coordinator.retry.random-factor", "coordinator.retry.snapshot-in-progress-delay",
        "coordinator.job.oversize-policy", "coordinator.job.default-timeout",
        "coordinator.server.urls", "coordinator.server.max-concurrent-jobs", "coordinator.server.shutdown-timeout", "coordinator.server.token-file",
        "akka.loglevel", "akka.actor.ask-timeout", "akka.actor.default-dispatcher.throughput",
        "akka.coordinated-shutdown.phases.service-stop.timeout",
    ];

    private static readonly FsCheck.Gen<string> Values = Gen.OneOf(
        CliContract.Hostile,
        Gen.Elements("10s", "0s", "-1s", "31d", "30d", "abc", "1", "0", "-1", "2147483648", "0.5", "1.5", "infinite", "off", "DEBUG",
            "split", "refuse", "simulated", "windows", "akka.actor.default-dispatcher", "akka.actor.vss-session-dispatcher", "/dev/full", "/proc/nope/x"));

    [Fact]
    public void Any_environment_override_is_a_job_or_one_line_naming_the_setting()
    {
        var overrides = Gen.ListOf(Gen.Zip(Gen.Elements(Keys), Values.Where(v => !v.Contains('\0'))))
            .Select(pairs => pairs.Take(3).ToArray());
        var property = Prop.ForAll(overrides.ToArbitrary(), pairs =>
        {
            var variables = pairs.Select(p => new EnvironmentVariable(p.Item1.Replace(".", "__", StringComparison.Ordinal), p.Item2)).ToList();
            try
            {
                string[] args = ["backup", "C:", "--json", "--timeout", "20s"];
                var run = CliContract.Run(_env, args);
                return CliContract.Holds(_env, run, [.. pairs.Select(p => $"{p.Item1}={p.Item2}"), .. args]);
            }
            finally
            {
                // Last set, first restored: a key drawn twice gets back what it had before the first.
                variables.AsEnumerable().Reverse().ToList().ForEach(v => v.Dispose());
            }
        });

        FsCheck.Check.One(CliContract.Cases(40), property);
    }

    private static readonly string[] HoconTokens =
    [
        "{", "}", "[", "]", "=", ":", ",", "\n", " ", "\"", "\"\"\"", "${", "${?", "include", "#", "//", "+=", ".", "\\",
        "coordinator", "akka", "job", "default-timeout", "retry", "max-attempts", "session", "timeouts", "wait-slice", "loglevel",
        "10s", "abc", "1", "-1", "null", "true", "\"x\"", "a.b.c",
    ];

    [Fact]
    public void Any_config_file_is_a_job_or_one_line_naming_the_file()
    {
        var texts = Gen.OneOf(
            Gen.ListOf(Gen.OneOf(Gen.Elements(HoconTokens), Gen.Elements(Keys), Values)).Select(tokens => string.Join(' ', tokens.Take(40))),
            Gen.Zip(Gen.Elements(Keys), Values).Select(kv => $"{kv.Item1} = {kv.Item2}\n"),
            Gen.Zip(Gen.Elements(Keys), Values).Select(kv => $"{kv.Item1} = {System.Text.Json.JsonSerializer.Serialize(kv.Item2)}\n"));
        var file = Path.Combine(_env.Directory, "random.hocon");
        var property = Prop.ForAll(texts.ToArbitrary(), text =>
        {
            File.WriteAllText(file, text);
            string[] args = ["backup", "C:", "--json", "--timeout", "20s", "--config", file];
            return CliContract.Holds(_env, CliContract.Run(_env, args), [.. args, text]);
        });

        FsCheck.Check.One(CliContract.Cases(40), property);
    }

    private static readonly string[] ScenarioProperties =
        ["volumes", "unsupportedVolumes", "persistentStateFile", "machineName", "latencyMs", "latencyScale", "faults", "writerFaults", "writers", "bogus"];

    private static readonly FsCheck.Gen<string> JsonValues = Gen.OneOf(
        Gen.Elements("null", "true", "0", "-1", "1e300", "-1e300", "1.5", "9223372036854775808", "\"\"", "\"C:\\\\\"", "[]", "{}",
            "[\"C:\\\\\", \"D:\\\\\"]", "{\"DoSnapshotSet\": 1e300}", "{\"DoSnapshotSet\": 5}", "{\"Nope\": 5}", "\"/dev/full\"", "\"/proc/nope/s.json\"",
            "[{\"call\": \"GatherWriterMetadata\", \"hresult\": \"VSS_E_WRITER_INFRASTRUCTURE\", \"times\": 99999999999}]",
            "[{\"writer\": \"\\u001b[31m\", \"phase\": \"Freeze\", \"hresult\": \"0x80042301\"}]",
            "[{\"name\": \"\\u001b[31mW\", \"classId\": \"a65faa63-5ea8-4ebc-9dbd-a0c4db26912a\", \"instanceId\": \"a65faa63-5ea8-4ebc-9dbd-a0c4db26912b\"}]"),
        CliContract.Hostile.Select(s => System.Text.Json.JsonSerializer.Serialize(s)));

    [Fact]
    public void Any_scenario_file_is_a_job_or_one_line_naming_the_json_path()
    {
        var scenarios = Gen.OneOf(
            Gen.ListOf(Gen.Zip(Gen.Elements(ScenarioProperties), JsonValues))
                .Select(pairs => "{" + string.Join(", ", pairs.Take(4).DistinctBy(p => p.Item1).Select(p => $"\"{p.Item1}\": {p.Item2}")) + "}"),
            JsonValues,
            CliContract.Hostile);
        var file = Path.Combine(_env.Directory, "random-scenario.json");
        var property = Prop.ForAll(scenarios.ToArbitrary(), json =>
        {
            File.WriteAllText(file, json);
            string[] args = ["backup", "C:", "--json", "--timeout", "20s", "--scenario", file];
            return CliContract.Holds(_env, CliContract.Run(_env, args), [.. args, json]);
        });

        FsCheck.Check.One(CliContract.Cases(80), property);
    }
}
