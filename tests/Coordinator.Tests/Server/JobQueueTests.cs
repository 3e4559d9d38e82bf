using System.Collections.Concurrent;
using Coordinator.Actors.Jobs;
using Coordinator.Cli;
using Coordinator.Jobs;
using Coordinator.Journal;
using Coordinator.Server;
using Coordinator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordinator.Tests.Server;

public sealed class JobQueueTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task A_job_the_journal_calls_finished_is_already_finished_to_a_cancel_never_cancelling()
    {
        await using var host = CommandHost.Create(_env.Dependencies, null, new Dictionary<string, string?>(), verbose: false);
        using var journal = new SqliteJournal(_env.JournalPath);
        var provider = _env.Provider;
        var coordinator = await host.StartCoordinatorAsync(provider, journal, CancellationToken.None);
        using var queue = new JobQueue(journal, coordinator, provider, host.Config, NullLogger<JobQueue>.Instance);
        // A client that sees the final status and cancels at once: asked on the very thread that journals the result,
        // before the worker has gone on.
        var answers = new ConcurrentQueue<(string Status, CancelOutcome Outcome)>();
        journal.Changed += id =>
        {
            if (journal.GetJob(id)?.Status is { } status && JobStates.IsTerminal(status))
            {
                answers.Enqueue((status, queue.Cancel(id)));
            }
        };
        await queue.StartAsync(CancellationToken.None);

        var job = BackupJob.Create(BackupJob.NewId(), ["C:\\"]);
        queue.Submit(job, new JobRequest { Volumes = ["C:\\"] });
        await Poll.UntilAsync(() => !answers.IsEmpty, "the job to finish");
        await queue.StopAsync(CancellationToken.None);

        Assert.Equal(("succeeded", CancelOutcome.AlreadyFinished), Assert.Single(answers));
    }
}
