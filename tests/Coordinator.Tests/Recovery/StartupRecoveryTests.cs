using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Journal;
using Coordinator.Providers;
using Coordinator.Recovery;
using Coordinator.Tests.Support;
using Coordinator.Tests.Server;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordinator.Tests.Recovery;

public sealed class StartupRecoveryTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private ProviderHandle Provider => _env.Provider;

    /// <summary>
    /// What a crash during a job's action leaves: the job "running", its set journaled and, when
    /// <paramref name="snapshotsAlive"/>, alive on the host. The set is made by a requester that dies after
    /// DoSnapshotSet (no BackupComplete): persistent snapshots outlive it, as they outlive a killed process.
    /// </summary>
    private async Task<(SqliteJournal Journal, Guid SetId)> CrashedJobAsync(string jobId, bool persistent, bool snapshotsAlive = true)
    {
        var journal = new SqliteJournal(_env.JournalPath);
        journal.CreateJob(jobId, "api", JsonSerializer.Serialize(new { volumes = new[] { "C:\\" }, persistent }));
        journal.TryMarkRunning(jobId);
        var (setId, snapshots) = snapshotsAlive
            ? await DedicatedThread.Run("crashed-requester", () => CreatePersistentSet("C:\\"))
            : (Guid.NewGuid(), [("C:\\", Guid.NewGuid())]);
        journal.RecordSnapshotSet(jobId, setId, snapshots, persistent);
        Assert.Equal(snapshotsAlive ? 1 : 0, _env.Host.Accounting.SnapshotsAlive);
        return (journal, setId);
    }

    private (Guid SetId, IReadOnlyList<(string Volume, Guid SnapshotId)> Snapshots) CreatePersistentSet(params string[] volumes)
    {
        using var components = _env.Host.CreateFactory().CreateVssBackupComponents();
        components.InitializeForBackup();
        components.SetContext(VssSnapshotContext.AppRollback);
        components.SetBackupState(false, false, VssBackupType.Full, false);
        using (var gather = components.GatherWriterMetadata())
        {
            gather.WaitForSuccess(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(30));
        }
        components.FreeWriterMetadata();
        var setId = components.StartSnapshotSet();
        var snapshots = volumes.Select(v => (v, components.AddToSnapshotSet(v))).ToList();
        using (var prepare = components.PrepareForBackup())
        {
            prepare.WaitForSuccess(VssCallNames.PrepareForBackup, TimeSpan.FromSeconds(30));
        }
        using (var create = components.DoSnapshotSet())
        {
            create.WaitForSuccess(VssCallNames.DoSnapshotSet, TimeSpan.FromSeconds(30));
        }
        return (setId, snapshots);
    }

    [Fact]
    public async Task A_running_job_is_failed_as_interrupted_and_its_persistent_snapshots_are_deleted()
    {
        var (journal, setId) = await CrashedJobAsync("j1", persistent: true);
        using var closeJournal = journal;

        var report = await StartupRecovery.RunAsync(journal, Provider, NullLogger.Instance);

        Assert.Equal(["j1"], report.InterruptedJobs);
        Assert.Equal([setId], report.DeletedSets);
        Assert.Empty(await _env.SnapshotsAsync());
        Assert.Empty(journal.LiveSnapshotSets());
        var job = journal.GetJob("j1")!;
        Assert.Equal(JobStates.Failed, job.Status);
        Assert.Contains("interrupted", job.ResultJson);
        Assert.Equal(0, _env.Host.Accounting.WrongThreadCalls);
        Assert.True(_env.Host.Accounting.Leaks == 0, _env.Host.Accounting.ToString());
    }

    [Fact]
    public async Task A_set_already_gone_is_fine_and_marked()
    {
        var (journal, setId) = await CrashedJobAsync("j1", persistent: false, snapshotsAlive: false);
        using var closeJournal = journal;

        var report = await StartupRecovery.RunAsync(journal, Provider, NullLogger.Instance);

        Assert.Equal([setId], report.AlreadyGoneSets);
        Assert.Empty(report.Failed);
        Assert.Equal("already gone at recovery", journal.GetSnapshotSet(setId)!.GoneHow);
    }

    [Fact]
    public async Task Persistent_snapshots_of_a_succeeded_job_are_kept()
    {
        var (journal, setId) = await CrashedJobAsync("j1", persistent: true);
        using var closeJournal = journal;
        journal.CompleteJob("j1", JobStates.Succeeded, "{}");

        var report = await StartupRecovery.RunAsync(journal, Provider, NullLogger.Instance);

        Assert.Empty(report.DeletedSets);
        Assert.Single(await _env.SnapshotsAsync());
        Assert.Equal(setId, Assert.Single(journal.LiveSnapshotSets()).SetId);
    }

    [Fact]
    public async Task A_job_another_live_process_runs_is_left_alone_until_that_process_is_gone()
    {
        var (journal, setId) = await CrashedJobAsync("peer", persistent: true);
        using var closeJournal = journal;
        // The peer: a process holding an owner lock (flock(1) takes the same kind of lock the coordinator does).
        var owners = JournalOwnership.OwnersDirectory(_env.JournalPath);
        Directory.CreateDirectory(owners);
        var lockFile = Path.Combine(owners, "peer.lock");
        var ready = Path.Combine(_env.Directory, "peer-ready");
        using var peer = System.Diagnostics.Process.Start("flock", ["-o", lockFile, "sh", "-c", $"touch '{ready}'; exec sleep 600"]);
        try
        {
            await Poll.UntilAsync(() => File.Exists(ready), "the peer to hold its lock");
            SetOwnerLock("peer", "peer.lock");

            var whilePeerLives = await StartupRecovery.RunAsync(journal, Provider, NullLogger.Instance);
            Assert.Empty(whilePeerLives.InterruptedJobs);
            Assert.Empty(whilePeerLives.DeletedSets);
            Assert.Equal(JobStates.Running, journal.GetJob("peer")!.Status);
            Assert.Single(await _env.SnapshotsAsync());
            Assert.True(File.Exists(lockFile));
        }
        finally
        {
            peer.Kill(entireProcessTree: true); // as SIGKILL: the lock file stays behind, unlocked
            await peer.WaitForExitAsync();
        }

        var afterPeerDied = await StartupRecovery.RunAsync(journal, Provider, NullLogger.Instance);
        Assert.Equal(["peer"], afterPeerDied.InterruptedJobs);
        Assert.Equal([setId], afterPeerDied.DeletedSets);
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public async Task A_job_journaled_without_an_owner_lock_is_recovered()
    {
        var (journal, setId) = await CrashedJobAsync("legacy", persistent: true);
        using var closeJournal = journal;
        SetOwnerLock("legacy", null);

        var report = await StartupRecovery.RunAsync(journal, Provider, NullLogger.Instance);

        Assert.Equal(["legacy"], report.InterruptedJobs);
        Assert.Equal([setId], report.DeletedSets);
    }

    private void SetOwnerLock(string jobId, string? lockName)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_env.JournalPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET owner_lock = $lock WHERE id = $id;";
        command.Parameters.AddWithValue("$lock", (object?)lockName ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", jobId);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Fact]
    public async Task The_server_recovers_before_serving_and_shows_the_job_failed()
    {
        (await CrashedJobAsync("crashed", persistent: true)).Journal.Dispose();

        await using var server = await ServerRun.StartAsync(_env);

        var document = await server.Client.GetFromJsonAsync<JsonElement>("api/jobs/crashed");
        Assert.Equal("failed", document.GetProperty("status").GetString());
        Assert.Equal("interrupted", document.GetProperty("error").GetProperty("kind").GetString());
        Assert.Empty(await _env.SnapshotsAsync());
    }
}
