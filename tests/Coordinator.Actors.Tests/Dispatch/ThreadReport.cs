namespace Coordinator.Actors.Tests.Dispatch;

/// <summary>Where in an actor's life something ran, and on which thread.</summary>
internal sealed record ThreadReport(string Where, Thread Thread)
{
    public static ThreadReport Here(string where) => new(where, Thread.CurrentThread);
}
