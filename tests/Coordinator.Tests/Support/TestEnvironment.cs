using Coordinator.Cli;
using Coordinator.Providers;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.Support;

/// <summary>
/// A temp directory, a simulated VSS host the test controls (faults, gates, latency, accounting) and the CLI wired to
/// it: every command runs the real actors over <see cref="Host"/>. Runs the CLI in-process with captured output.
/// </summary>
public sealed class TestEnvironment : IDisposable
{
    public TestEnvironment(SimulatedVssHostOptions? options = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "coordinator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Host = new SimulatedVssHost(options);
        Dependencies = new CliDependencies(new SimulatedHostProviderSource(Host));
    }

    public string Directory { get; }

    public string JournalPath => Path.Combine(Directory, "journal.db");

    /// <summary>The machine every command of this environment sees (unless it names a scenario file).</summary>
    public SimulatedVssHost Host { get; }

    public CliDependencies Dependencies { get; }

    /// <summary>The provider over <see cref="Host"/>, as the CLI and the server open it.</summary>
    public ProviderHandle Provider => SimulatedHostProviderSource.Handle(Host);

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken = default, SyncWriter? output = null)
    {
        var stdout = output ?? new SyncWriter();
        var stderr = new SyncWriter();
        var app = new CliApp(new CliConsole(stdout, stderr, interactive: false), Dependencies);
        var exit = await app.RunAsync([.. args, .. JournalArgs(args)], cancellationToken);
        return new CliRun(exit, stdout.Text, stderr.Text);
    }

    /// <summary>The snapshots on the host, as a requester sees them (VSS_CTX_ALL), queried on a thread of their own.</summary>
    public Task<IReadOnlyList<VssSnapshotProperties>> SnapshotsAsync() => SnapshotMaintenance.QueryAsync(Provider);

    /// <summary>Deletes a snapshot set behind the coordinator's back, as another requester on the machine would.</summary>
    public async Task DeleteSetElsewhereAsync(Guid setId)
    {
        var outcome = Assert.Single(await SnapshotMaintenance.DeleteSetsAsync(Provider, [setId]));
        Assert.Equal(DeleteResult.Deleted, outcome.Result);
    }

    /// <summary>Every command that has --journal gets this test's file, so tests never share a journal.</summary>
    private string[] JournalArgs(string[] args) =>
        args.Length > 0 && (args[0] is "backup" or "serve" || (args[0] == "snapshots" && args.Length > 1 && args[1] is "list" or "delete"))
            && !args.Contains("--journal")
            ? ["--journal", JournalPath]
            : [];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}

/// <summary>
/// The provider source of the tests: the simulated provider over one <see cref="SimulatedVssHost"/> the test holds.
/// What the real source would refuse (an unknown provider, a missing scenario file, windows off Windows) and a
/// scenario file (a machine described by the file) go to the real <see cref="DefaultProviderSource"/>.
/// </summary>
public sealed class SimulatedHostProviderSource(SimulatedVssHost host) : IVssProviderSource
{
    public ProviderHandle Open(ProviderRequest request) =>
        request.ScenarioFile is null && DefaultProviderSource.Resolve(request) == "simulated"
            ? Handle(host)
            : new DefaultProviderSource().Open(request);

    public static ProviderHandle Handle(SimulatedVssHost host) => new()
    {
        Name = SimulatedVssFactory.Name,
        Factory = host.CreateFactory(),
        Description = DefaultProviderSource.SimulatedDescription,
        Accounting = jobId => SimulatedProvider.ToDocument(host.AccountingOf(jobId, forget: true)),
        BeginAccounting = host.TrackRequester,
    };
}
