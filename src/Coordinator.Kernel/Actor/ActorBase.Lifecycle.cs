namespace Coordinator.Kernel.Actor;

public abstract partial class ActorBase
{
    /// <summary>Called when the actor starts, before the first message. An exception becomes <see cref="ActorInitializationException"/>.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called exactly once when the instance is done: after a stop, and (by default) before a restart.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before a restart. Default: unwatch and stop all children, then <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the new instance after a restart. Default: <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop()
    {
        // Timers first: no timer message may reach a stopped instance.
        (this as IWithTimers)?.Timers?.CancelAll();
        PostStop();
    }

    internal void AroundPreRestart(Exception reason, object? message)
    {
        (this as IWithTimers)?.Timers?.CancelAll();
        PreRestart(reason, message);
    }

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);
}
