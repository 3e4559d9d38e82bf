using Akka.Dispatch;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// Runs an actor's turn on the thread that Tells it, before Tell returns (see <see cref="InlineDispatcherConfigurator"/>).
/// One instance serves every actor of its id; it owns no thread, so there is nothing to shut down.
/// </summary>
internal sealed class InlineDispatcher : MessageDispatcher
{
    private readonly Action<Exception> _reportFailure;

    public InlineDispatcher(MessageDispatcherConfigurator configurator, string id, int throughput)
        : base(configurator)
    {
        Id = id;
        Throughput = throughput;
        // Akka schedules Shutdown when the last actor leaves; with no thread to release there is no point waiting.
        ShutdownTimeout = TimeSpan.Zero;
        _reportFailure = ReportFailure;
    }

    protected override void ExecuteTask(IRunnable run) => InlineTrampoline.Run(run, _reportFailure);

    protected override void Shutdown()
    {
        // Owns no thread.
    }
}
