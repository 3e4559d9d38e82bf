namespace Coordinator.Actors.Tests.Soak;

/// <summary>
/// The soak measures process-wide things (threads, managed heap), so it runs alone: xunit runs a collection with
/// parallelisation disabled after the parallel ones, with nothing beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
