using Coordinator.Actors.Diagnostics;

namespace Coordinator.Actors.Tests.Bench;

/// <summary>The makespan lower bound the bench divides by: hand-computed cases and an independent schedule.</summary>
public sealed class MakespanBoundSpec
{
    // Issue 7's scaled latency model.
    private static readonly Dictionary<string, TimeSpan> Issue7 = new()
    {
        ["GatherWriterMetadata"] = TimeSpan.FromMilliseconds(40),
        ["PrepareForBackup"] = TimeSpan.FromMilliseconds(30),
        ["DoSnapshotSet"] = TimeSpan.FromMilliseconds(50),
        [MakespanBound.BackupAction] = TimeSpan.FromMilliseconds(100),
        ["BackupComplete"] = TimeSpan.FromMilliseconds(20),
        ["GatherWriterStatus"] = TimeSpan.FromMilliseconds(10),
    };

    private static TimeSpan Latency(string step) => Issue7[step];

    [Fact]
    public void One_job_takes_the_sum_of_its_steps()
    {
        // 40 + (30 + 10 + 50) + (10 + 100 + 20 + 10): three status checks, one after each writer event.
        Assert.Equal(TimeSpan.FromMilliseconds(270), MakespanBound.Compute(1, Latency));
    }

    [Fact]
    public void The_creation_slot_is_prepare_status_check_and_snapshot()
    {
        var (before, slot, after) = MakespanBound.Split(Latency);

        Assert.Equal(TimeSpan.FromMilliseconds(40), before);
        Assert.Equal(TimeSpan.FromMilliseconds(90), slot);
        Assert.Equal(TimeSpan.FromMilliseconds(140), after);
    }

    [Theory]
    [InlineData(8, 900)]
    [InlineData(32, 3060)]
    public void Concurrent_jobs_queue_only_for_the_slot(int jobs, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), MakespanBound.Compute(jobs, Latency));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(32)]
    public void The_bound_equals_the_makespan_of_the_best_schedule(int jobs)
    {
        // An independent event simulation: every job runs its steps as soon as it may, and a job entering the slot
        // waits until the previous holder left it. With identical jobs, first-come first-served is optimal.
        var slotFreeAt = TimeSpan.Zero;
        var makespan = TimeSpan.Zero;
        for (var job = 0; job < jobs; job++)
        {
            var now = TimeSpan.Zero;
            var inSlot = false;
            foreach (var (step, needsSlot) in MakespanBound.Sequence)
            {
                if (needsSlot && !inSlot)
                {
                    now = now > slotFreeAt ? now : slotFreeAt;
                    inSlot = true;
                }
                else if (!needsSlot && inSlot)
                {
                    slotFreeAt = now;
                    inSlot = false;
                }
                now += Latency(step);
            }
            makespan = makespan > now ? makespan : now;
        }

        Assert.Equal(makespan, MakespanBound.Compute(jobs, Latency));
    }

    [Fact]
    public void Without_a_slot_cost_jobs_do_not_queue()
    {
        TimeSpan NoSlot(string step) => step is "PrepareForBackup" or "DoSnapshotSet" or "GatherWriterStatus" ? TimeSpan.Zero : Latency(step);

        Assert.Equal(MakespanBound.Compute(1, NoSlot), MakespanBound.Compute(50, NoSlot));
    }

    [Fact]
    public void Nonsense_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MakespanBound.Compute(0, Latency));
        Assert.Throws<ArgumentOutOfRangeException>(() => MakespanBound.Compute(1, _ => TimeSpan.FromMilliseconds(-1)));
    }
}
