using Coordinator.Actors;
using Coordinator.Actors.Jobs;
using Coordinator.Vss.Simulated;

namespace Coordinator.Bench.Coordination;

/// <summary>Runs many jobs with a bounded number in flight, and insists every one succeeded and nothing leaked.</summary>
public static class JobRunner
{
    public static readonly IReadOnlyList<string> ThreeVolumes = [@"C:\", @"D:\", @"E:\"];

    public static SimulatedVssHost NewHost() => new(new SimulatedVssHostOptions { Volumes = [.. ThreeVolumes] });

    public static async Task RunManyAsync(int count, int concurrency, Func<int, Task> one)
    {
        using var slots = new SemaphoreSlim(concurrency);
        var all = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync();
            var index = i;
            all.Add(Task.Run(async () =>
            {
                try
                {
                    await one(index);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        await Task.WhenAll(all);
    }

    public static async Task RunJobAsync(ActorBackupCoordinator coordinator, BackupAction? action = null)
    {
        var job = BackupJob.Create(BackupJob.NewId(), ThreeVolumes, action: action);
        var result = await coordinator.RunAsync(job, null, CancellationToken.None);
        if (result.Status != JobStatus.Succeeded)
        {
            throw new InvalidOperationException($"bench job {job.JobId} ended {result.Status}: {result.Error?.Message}");
        }
    }

    /// <summary>A benchmark that leaks is measuring a bug, not a cost.</summary>
    public static void AssertClean(SimulatedVssHost host)
    {
        var accounting = host.Accounting;
        if (accounting.Leaks != 0 || accounting.WrongThreadCalls != 0)
        {
            throw new InvalidOperationException($"the simulator reports a dirty host: {accounting}");
        }
    }
}
