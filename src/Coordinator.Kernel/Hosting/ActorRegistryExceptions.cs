namespace Coordinator.Kernel.Hosting;

/// <summary>A key was registered twice in the <see cref="ActorRegistry"/> without <c>overwrite: true</c>.</summary>
public sealed class DuplicateActorRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateActorRegistryException(string message)
        : base(message)
    {
    }
}

/// <summary>No actor is registered under the requested key.</summary>
public sealed class MissingActorRegistryEntryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MissingActorRegistryEntryException(string message)
        : base(message)
    {
    }
}
