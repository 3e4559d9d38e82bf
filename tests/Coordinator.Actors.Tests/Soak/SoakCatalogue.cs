using Coordinator.Actors.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Soak;

/// <summary>Draws scenarios from the simulator's fault catalogue; the same seed draws the same sequence.</summary>
public static class SoakCatalogue
{
    private static readonly string[] AsyncOperations =
    [
        VssCallNames.GatherWriterMetadata, VssCallNames.PrepareForBackup, VssCallNames.DoSnapshotSet,
        VssCallNames.BackupComplete, VssCallNames.GatherWriterStatus,
    ];

    private static readonly int[] WriterCodes = [HResults.VSS_E_WRITERERROR_RETRYABLE, HResults.VSS_E_WRITERERROR_NONRETRYABLE];

    /// <summary>
    /// Weights favour the cheap families: timeouts and cancellations each cost a real deadline or a hand-off,
    /// so they are a minority that still occurs hundreds of times in the short form.
    /// </summary>
    public static SoakScenario Draw(Random random, int maxAttempts)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 12 => new CleanRun(),
            < 20 => new CallFailure(VssCallNames.GatherWriterMetadata, HResults.VSS_E_WRITER_INFRASTRUCTURE, random.Next(1, maxAttempts + 1)),
            < 50 => new CallFailure(Pick(random, RequesterFaults.Steps), Pick(random, RequesterFaults.CallFaultCodes), 1),
            < 70 => new WriterFailure(Pick(random, Enum.GetValues<WriterPhase>()), Pick(random, WriterCodes)),
            < 78 => new OperationTimeout(Pick(random, AsyncOperations)),
            < 88 => new Cancellation(random.Next(6) == 0 ? null : Pick(random, AsyncOperations)),
            < 94 => new ForeignContention(),
            _ => new ActionFailure(),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
