namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Guards the resolver's contract: a resolved tree holds only objects, lists and literals, and never contains
/// itself. A violation is a bug in the reader, reported instead of a stack overflow later.
/// </summary>
internal static class HoconTreeCheck
{
    public static void EnsureResolved(HoconObject root) =>
        Visit(root, new HashSet<HoconValue>(ReferenceEqualityComparer.Instance));

    private static void Visit(HoconValue value, HashSet<HoconValue> path)
    {
        if (!value.IsResolved)
        {
            throw new InvalidOperationException($"{value.Position}: HOCON reader bug: a value was left unresolved.");
        }

        if (value is HoconLiteral)
        {
            return;
        }

        if (!path.Add(value))
        {
            throw new InvalidOperationException($"{value.Position}: HOCON reader bug: the resolved tree contains itself.");
        }

        var children = value is HoconObject obj ? obj.Items.Values : value.GetArray();
        foreach (var child in children)
        {
            Visit(child, path);
        }

        path.Remove(value);
    }
}
