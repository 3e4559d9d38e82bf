using System.Diagnostics;
using System.Threading.Channels;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.TestKit.Internal;

namespace Coordinator.Kernel.TestKit;

/// <summary>
/// Expectations on the messages received by <see cref="TestActor"/>. Shared by <see cref="TestKit"/> and
/// <see cref="TestProbe"/>. Timeouts are real time, dilated by <see cref="TestKitSettings.TestTimeFactor"/>.
/// </summary>
public abstract partial class TestKitBase
{
    private static int s_testActorCounter;

    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private long? _endTimestamp;

    private protected TestKitBase(ActorSystem system, string testActorName)
    {
        Sys = system;
        TestKitSettings = new TestKitSettings(system.Config);
        var name = $"{testActorName}{Interlocked.Increment(ref s_testActorCounter)}";
        TestActor = system.SystemGuardian.AttachChild(Props.Create(() => new TestActor(_queue.Writer)), name);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The actor that receives what the expectations check; the implicit sender of test code.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The test kit's timeouts.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>The last message received by an expectation.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>The sender of <see cref="LastMessage"/>.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>True if messages are waiting in the queue.</summary>
    public bool HasMessages => _queue.Reader.Count > 0;

    /// <summary>The fake clock of <see cref="Sys"/>, when it was created with one.</summary>
    public TestScheduler TestScheduler =>
        Sys.TimeProvider as TestScheduler ?? throw new InvalidOperationException("The actor system was not created with a TestScheduler.");

    /// <summary><paramref name="duration"/> times the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TestTimeFactor));

    /// <summary>Time left in the innermost <c>Within</c> block.</summary>
    /// <exception cref="InvalidOperationException">Not inside a <c>Within</c> block.</exception>
    public TimeSpan Remaining =>
        _endTimestamp is { } end ? Max(TimeSpan.Zero, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end)) : throw new InvalidOperationException("Remaining may only be called within a Within block.");

    /// <summary>Time left in the innermost <c>Within</c> block, or the dilated single-expect default outside one.</summary>
    public TimeSpan RemainingOrDefault => _endTimestamp is null ? Dilated(TestKitSettings.SingleExpectDefault) : Remaining;

    /// <summary>Creates a probe: an independent test actor with its own expectations. It is an <see cref="IActorRef"/>.</summary>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, name ?? "testProbe");

    /// <summary>Makes the test actor watch <paramref name="actor"/>; returns once the watch is in place.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new TestActor.WatchRequest(actor, done), ActorRefs.NoSender);
        WaitFor(done.Task, "Watch");
        return actor;
    }

    /// <summary>Makes the test actor stop watching <paramref name="actor"/>; returns once that is done.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new TestActor.UnwatchRequest(actor, done), ActorRefs.NoSender);
        WaitFor(done.Task, "Unwatch");
        return actor;
    }

    private void WaitFor(Task task, string what)
    {
        if (!task.Wait(Dilated(TestKitSettings.DefaultTimeout)))
        {
            throw Failure($"{what} was not acknowledged by the test actor in time.");
        }
    }

    /// <summary>Receives one message within the timeout, or returns false.</summary>
    public bool TryReceiveOne(out Envelope envelope, TimeSpan? timeout = null)
    {
        var result = TryReceiveOneAsync(timeout).AsTask().GetAwaiter().GetResult();
        envelope = result.GetValueOrDefault();
        return result.HasValue;
    }

    /// <summary>Receives one message within the timeout, or null.</summary>
    public async ValueTask<Envelope?> TryReceiveOneAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var effective = RemainingOrDilated(timeout);
        var reader = _queue.Reader;
        if (!reader.TryRead(out var envelope))
        {
            if (effective <= TimeSpan.Zero)
            {
                return null;
            }

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(effective);
            try
            {
                envelope = await reader.ReadAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        LastMessage = envelope.Message;
        LastSender = envelope.Sender;
        return envelope;
    }

    /// <summary>Receives exactly <paramref name="count"/> messages, failing if they do not all arrive in time.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => ReceiveNAsync(count, timeout).AsTask().GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ReceiveN"/>; the timeout covers all messages.</summary>
    public async ValueTask<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.GetTimestamp();
        var total = RemainingOrDilated(timeout);
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var left = total - Stopwatch.GetElapsedTime(deadline);
            var envelope = await TryReceiveOneAsync(Max(left, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                throw Failure($"Timeout ({total}) while waiting for {count} messages (got {result.Count}).");
            }

            result.Add(envelope.Value.Message);
        }

        return result;
    }

    internal TimeSpan RemainingOrDilated(TimeSpan? duration)
    {
        if (duration is null)
        {
            return RemainingOrDefault;
        }

        if (duration.Value == Timeout.InfiniteTimeSpan || duration.Value < TimeSpan.Zero)
        {
            throw new ArgumentException("Timeouts must be finite and not negative.", nameof(duration));
        }

        return Dilated(duration.Value);
    }

    internal static Exception Failure(string message) => new Xunit.Sdk.XunitException(message);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
