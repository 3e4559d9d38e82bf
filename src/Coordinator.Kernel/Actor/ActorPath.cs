using System.Text;

namespace Coordinator.Kernel.Actor;

/// <summary>The unique, hierarchical name of an actor: <c>akka://system/user/parent/child</c>.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _string;

    private ActorPath(string systemName)
    {
        SystemName = systemName;
        Name = string.Empty;
    }

    private ActorPath(ActorPath parent, string name, long uid)
    {
        Parent = parent;
        SystemName = parent.SystemName;
        Name = name;
        Uid = uid;
    }

    /// <summary>Name of the actor system.</summary>
    public string SystemName { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The parent path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>Incarnation id: distinguishes two actors that had the same path at different times. Ignored by equality.</summary>
    public long Uid { get; }

    /// <summary>The path elements below the root.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                elements.Insert(0, p.Name);
            }

            return elements;
        }
    }

    /// <summary>The root path of a system.</summary>
    public static ActorPath Root(string systemName) => new(systemName);

    /// <summary>A child path.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => new(parent, name, 0);

    /// <summary>This path with an incarnation id.</summary>
    public ActorPath WithUid(long uid) => Parent is null ? this : new ActorPath(Parent, Name, uid);

    /// <summary>The path without the <c>akka://system</c> address, e.g. <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }

        var sb = new StringBuilder();
        foreach (var e in Elements)
        {
            sb.Append('/').Append(e);
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => _string ??= $"akka://{SystemName}{ToStringWithoutAddress()}";

    /// <inheritdoc />
    public bool Equals(ActorPath? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
