using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor;

/// <summary>Ask: request/response through a temporary reference. The timeout is required (there is no infinite default).</summary>
public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply.
    /// A <see cref="Status.Failure"/> reply faults the task with its cause; a reply of another type than
    /// <typeparamref name="T"/> faults it with <see cref="ArgumentException"/>; no reply within
    /// <paramref name="timeout"/> faults it with <see cref="AskTimeoutException"/>; cancellation cancels it.
    /// </summary>
    public static async Task<T> Ask<T>(this ICanTell self, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var reply = await self.Ask(message, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T typed => typed,
            Status.Failure failure when typeof(T) != typeof(Status.Failure) => throw failure.Cause,
            _ => throw new ArgumentException($"Received message of type [{reply?.GetType()}] - Ask expected message of type [{typeof(T)}]"),
        };
    }

    /// <summary>Untyped Ask; a <see cref="Status.Failure"/> reply is returned as is.</summary>
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Ask requires a positive timeout.");
        }

        var system = SystemOf(self);
        var promise = system.CreatePromiseRef();
        if (cancellationToken.IsCancellationRequested)
        {
            promise.TrySetCanceled(cancellationToken);
            return promise.Result;
        }

        var timer = system.Scheduler.ScheduleTellOnceCancelable(timeout, new AskTimeoutTarget(promise, self, timeout), AskTimeoutTarget.Signal, null);
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static s => { var (p, t) = ((PromiseActorRef, CancellationToken))s!; p.TrySetCanceled(t); }, (promise, cancellationToken))
            : default;

        // Cleanup after completion; ExecuteSynchronously because it only disposes.
        promise.Result.ContinueWith(
            static (_, s) =>
            {
                var (t, r) = ((ICancelable, CancellationTokenRegistration))s!;
                t.Cancel();
                r.Dispose();
            },
            (timer, registration),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        self.Tell(message, promise);
        return promise.Result;
    }

    /// <summary>
    /// Stops <paramref name="target"/> with a <see cref="PoisonPill"/> and completes with true once it has terminated,
    /// or false if it did not within <paramref name="timeout"/>. Do not await this for <c>Self</c> inside a handler.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout)
    {
        if (target is not IInternalActorRef internalTarget || internalTarget.System is not { } system)
        {
            throw new ArgumentException($"Cannot stop [{target}]: not a kernel actor reference.", nameof(target));
        }

        var promise = system.CreatePromiseRef();
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(PoisonPill.Instance, ActorRefs.NoSender);
        var completed = await Task.WhenAny(promise.Result, Task.Delay(timeout, system.TimeProvider)).ConfigureAwait(false);
        if (completed == promise.Result && promise.Result.Result is Terminated terminated && terminated.ActorRef.Equals(target))
        {
            return true;
        }

        internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
        return false;
    }

    private static ActorSystem SystemOf(ICanTell target) => target switch
    {
        IInternalActorRef { System: { } system } => system,
        _ => ActorCell.Current?.System ?? throw new ArgumentException($"Cannot Ask [{target}]: not a kernel actor reference.", nameof(target)),
    };

    /// <summary>Receives the scheduled timeout signal and fails the promise.</summary>
    private sealed class AskTimeoutTarget(PromiseActorRef promise, ICanTell target, TimeSpan timeout) : ICanTell
    {
        public static readonly object Signal = new();

        public void Tell(object message, IActorRef? sender) =>
            promise.TrySetException(new AskTimeoutException($"Timeout after {timeout.TotalSeconds} seconds waiting for a reply from {target}"));
    }
}
