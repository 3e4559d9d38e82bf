using Coordinator.Tests.Support;
using FsCheck.Fluent;

namespace Coordinator.Tests.Properties;

/// <summary>Random and adversarial command lines, durations and volume names against the CLI contract (<see cref="CliContract"/>).</summary>
public sealed class CommandLineProperties : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static readonly FsCheck.Gen<string> Durations = FsCheck.Fluent.Gen.OneOf(
        CliContract.Hostile,
        // Well-formed numbers and units in any amount: the sum may overflow any type.
        Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(
            Gen.Zip(Gen.Elements("0", "1", "1.5", "30", "720", "999999", "9223372036854775807", "1" + new string('0', 400)), Gen.Elements("ms", "s", "m", "h", "d", "D", "MS", "x", "")),
            n).Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)))),
        Gen.Elements("00:00:00", "00:00:00.0000001", "-00:10:00", "29.23:59:59", "30.00:00:00", "30.00:00:00.0000001", "10675199.02:48:05.4775807", "1:2:3:4:5", ":"));

    [Fact]
    public void Any_timeout_is_a_job_or_one_line_naming_the_option()
    {
        var property = Prop.ForAll(Durations.ToArbitrary(), timeout =>
        {
            string[] args = ["backup", "C:", "--json", "--timeout", timeout];
            return CliContract.Holds(_env, CliContract.Run(_env, args), args);
        });

        FsCheck.Check.One(CliContract.Cases(30), property);
    }

    private static readonly FsCheck.Gen<string> Volumes = FsCheck.Fluent.Gen.OneOf(
        CliContract.Hostile,
        Gen.Elements("C:", "c:\\", "D:", "Z:", "C:\\Mount\\x", "\\\\?\\Volume{0f8fad5b-d9cb-469f-a165-70867728950e}\\", "C:\u001b[31m", "\\\\server\\share", "CON", "C:/", "C:\\..\\D:"),
        Gen.Choose(1, 5000).Select(n => "C:\\" + new string('a', n)));

    [Fact]
    public void Any_volume_list_is_a_job_or_one_line_naming_the_volume()
    {
        var property = Prop.ForAll(Gen.NonEmptyListOf(Volumes).Select(v => v.Take(4).ToArray()).ToArbitrary(), volumes =>
        {
            string[] args = ["backup", "--json", "--", .. volumes];
            return CliContract.Holds(_env, CliContract.Run(_env, args), args);
        });

        FsCheck.Check.One(CliContract.Cases(60), property);
    }

    private static readonly string[] Words =
    [
        "backup", "writers", "snapshots", "list", "delete", "C:", "D:", "--json", "--persistent", "--timeout", "10s", "--exec", "/bin/true",
        "/bin/false", "--exec-arg", "--include-writer", "--exclude-writer", "System Writer", "--provider", "simulated", "windows", "auto",
        "--scenario", "--config", "--journal", "--set", "--id", "--all", "--verbose", "-v", "--help", "-h", "-?", "--version", "=", "",
        "\u001b[2J", "--bogus",
    ];

    [Fact]
    public void Any_command_line_of_the_local_commands_keeps_the_contract()
    {
        // serve and the jobs client are left out: they listen or connect; their own tests cover their input.
        var words = Gen.OneOf(Gen.Elements(Words), CliContract.Hostile);
        var property = Prop.ForAll(Gen.Zip(Gen.Elements("backup", "writers", "snapshots", "snapshots list", "snapshots delete", "nonsense"), Gen.ListOf(words))
            .Select(t => (string[])[.. t.Item1.Split(' '), .. t.Item2.Take(6).Select(w => w == "--journal" || w == "--config" || w == "--scenario" ? w + "=" + Path.Combine("/nonexistent", w) : w)])
            .ToArbitrary(), args => CliContract.Holds(_env, CliContract.Run(_env, args), args));

        FsCheck.Check.One(CliContract.Cases(50), property);
    }
}
