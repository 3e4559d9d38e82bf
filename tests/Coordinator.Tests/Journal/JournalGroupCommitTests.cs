using Coordinator.Actors.Jobs;
using Coordinator.Journal;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Journal;

/// <summary>The journal's group commit: what waits for a commit, what rides along, and what is left open.</summary>
public sealed class JournalGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Held = TimeSpan.FromMinutes(10);
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Progress_events_wait_for_the_flush_interval_and_are_committed_with_their_jobs_final_state()
    {
        using var journal = new SqliteJournal(_env.JournalPath, flushInterval: Held);
        using var reader = new SqliteJournal(_env.JournalPath);
        journal.CreateJob("j", "api", "{}");
        Assert.True(journal.TryMarkRunning("j"));
        journal.AppendEvent("j", "{\"n\":1}");
        journal.AppendEvent("j", "{\"n\":2}");

        // Another connection sees only what is committed: the job, not yet its events.
        Assert.Equal(JobStates.Running, reader.GetJob("j")!.Status);
        Assert.Empty(reader.GetEvents("j"));

        journal.CompleteJob("j", JobStates.Succeeded, "{}");

        Assert.Equal(JobStates.Succeeded, reader.GetJob("j")!.Status);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], reader.GetEvents("j").Select(e => e.Json));
    }

    [Fact]
    public async Task Watchers_hear_of_batched_events_once_they_are_committed()
    {
        using var journal = new SqliteJournal(_env.JournalPath, flushInterval: TimeSpan.FromMilliseconds(1));
        journal.CreateJob("j", "api", "{}");
        var heard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        journal.Changed += id => heard.TrySetResult(journal.GetEvents(id).Count);

        journal.AppendEvent("j", "{}");

        Assert.Equal(1, await heard.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Disposing_commits_what_is_queued_and_leaves_no_file_handle_open()
    {
        var journal = new SqliteJournal(_env.JournalPath, flushInterval: Held);
        journal.CreateJob("j", "api", "{}");
        journal.AppendEvent("j", "{}");
        Assert.NotNull(journal.GetJob("j")); // a pooled reader is open now too

        journal.Dispose();

        if (OperatingSystem.IsLinux())
        {
            var open = Directory.EnumerateFiles("/proc/self/fd")
                .Select(fd => new FileInfo(fd).LinkTarget)
                .Where(target => target is not null && target.StartsWith(_env.JournalPath, StringComparison.Ordinal))
                // The process's owner lock (<journal>.owners/) is held for the process's life by design, not by the journal.
                .Where(target => !target!.StartsWith(_env.JournalPath + ".owners", StringComparison.Ordinal));
            Assert.Empty(open);
        }
        using var reopened = new SqliteJournal(_env.JournalPath);
        Assert.Single(reopened.GetEvents("j"));
    }

    [Fact]
    public void Writing_to_a_disposed_journal_is_refused()
    {
        var journal = new SqliteJournal(_env.JournalPath);
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.CreateJob("j", "api", "{}"));
    }
}
