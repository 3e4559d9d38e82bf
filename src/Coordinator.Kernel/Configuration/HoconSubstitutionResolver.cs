using System.Text;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Replaces every substitution, concatenation and pending merge of a parsed document by its value, in place,
/// once the whole document (with includes) is known. <c>${x}</c> falls back to the environment variable
/// <c>x</c>; <c>${?x}</c> that is defined nowhere removes the field (or the list element).
/// </summary>
/// <remarks>
/// Every value is resolved knowing the objects that contain its location (its ancestors): a substitution
/// whose target is one of them would make the tree contain itself, which is the one real cycle. Walking
/// through an object that is still being resolved (<c>a { b = ${x.c} }, x = ${a}</c>) is fine.
/// </remarks>
internal sealed class HoconSubstitutionResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _done = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];

    private HoconSubstitutionResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves <paramref name="root"/> in place.</summary>
    public static void Resolve(HoconObject root, Func<string, string?> environment)
    {
        var resolver = new HoconSubstitutionResolver(root, environment);
        resolver.ResolveObject(root, Ancestors.None);
        HoconTreeCheck.EnsureResolved(root);
    }

    /// <summary>The resolved value, or null when it is undefined (an optional substitution with no value).</summary>
    private HoconValue? ResolveValue(HoconValue value, Ancestors ancestors) => value switch
    {
        HoconLiteral => value,
        HoconObject obj => ResolveObject(obj, ancestors),
        HoconArray array => ResolveArray(array, ancestors),
        HoconSubstitution substitution => ResolveSubstitution(substitution, ancestors),
        HoconConcatenation concatenation => Guarded(concatenation, () => ResolveConcatenation(concatenation, ancestors)),
        HoconMerge merge => Guarded(merge, () => ResolveMerge(merge, ancestors)),
        _ => throw new InvalidOperationException($"Unknown HOCON node {value.GetType().Name}."),
    };

    private HoconObject ResolveObject(HoconObject obj, Ancestors ancestors)
    {
        if (_done.Contains(obj) || !_inProgress.Add(obj))
        {
            return obj;
        }

        var inside = ancestors.With(obj);
        foreach (var key in obj.Keys.ToList())
        {
            if (obj.TryGetValue(key, out var child))
            {
                var resolved = ResolveField(obj, key, child, inside);

                // A merge or concatenation yields a new object whose fields may still need resolving.
                if (resolved is HoconObject or HoconArray)
                {
                    ResolveValue(resolved, inside);
                }
            }
        }

        _inProgress.Remove(obj);
        _done.Add(obj);
        return obj;
    }

    /// <summary>Resolves the field <paramref name="key"/> of <paramref name="parent"/>; <paramref name="ancestors"/> include the parent.</summary>
    private HoconValue? ResolveField(HoconObject parent, string key, HoconValue value, Ancestors ancestors)
    {
        var resolved = ResolveValue(value, ancestors);
        if (resolved is null)
        {
            parent.Remove(key);
        }
        else if (!ReferenceEquals(resolved, value))
        {
            parent.Set(key, resolved);
        }

        return resolved;
    }

    private HoconArray ResolveArray(HoconArray array, Ancestors ancestors)
    {
        if (!_done.Add(array))
        {
            return array;
        }

        var inside = ancestors.With(array);
        var items = array.MutableItems;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var resolved = ResolveValue(items[i], inside);
            if (resolved is null)
            {
                items.RemoveAt(i);
                continue;
            }

            items[i] = resolved;
            if (resolved is HoconObject or HoconArray)
            {
                ResolveValue(resolved, inside);
            }
        }

        return array;
    }

    private HoconValue? Guarded(HoconValue node, Func<HoconValue?> resolve)
    {
        if (!_inProgress.Add(node))
        {
            throw Cycle(node.Position);
        }

        try
        {
            return resolve();
        }
        finally
        {
            _inProgress.Remove(node);
        }
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, Ancestors ancestors)
    {
        if (_chain.Contains(substitution))
        {
            _chain.Add(substitution);
            throw Cycle(substitution.Position);
        }

        _chain.Add(substitution);
        try
        {
            if (!substitution.EnvironmentOnly)
            {
                var target = Lookup(substitution.Path);
                if (target is not null)
                {
                    if (ancestors.Contains(target))
                    {
                        // The value would contain itself, e.g. a { b = ${a} } or l = [${l}].
                        throw new HoconParseException(
                            substitution.Position,
                            $"substitution cycle: ${{{substitution.Text}}} refers to a value that contains this substitution; refer to a field inside it instead");
                    }

                    return target;
                }
            }

            var variable = _environment(substitution.Text);
            if (variable is not null)
            {
                return new HoconLiteral(variable, HoconValueType.String, substitution.Position);
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw Unresolved(substitution);
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>Walks <paramref name="path"/> from the root, resolving (in place) what it passes through.</summary>
    private HoconValue? Lookup(IReadOnlyList<string> path)
    {
        var current = _root;
        var ancestors = Ancestors.None.With(_root);
        for (var i = 0; i < path.Count; i++)
        {
            if (!current.TryGetValue(path[i], out var child))
            {
                return null;
            }

            var resolved = child.IsResolved ? child : ResolveField(current, path[i], child, ancestors);
            if (resolved is null)
            {
                return null;
            }

            if (i == path.Count - 1)
            {
                return ResolveValue(resolved, ancestors);
            }

            if (resolved is not HoconObject next)
            {
                return null;
            }

            current = next;
            ancestors = ancestors.With(next);
        }

        return current;
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, Ancestors ancestors)
    {
        var pieces = new List<HoconValue>();
        var whitespace = new List<string>();
        for (var i = 0; i < concatenation.Pieces.Count; i++)
        {
            var resolved = ResolveValue(concatenation.Pieces[i], ancestors);
            if (resolved is not null)
            {
                whitespace.Add(pieces.Count == 0 ? string.Empty : concatenation.Whitespace[i]);
                pieces.Add(resolved);
            }
        }

        if (pieces.Count == 0)
        {
            return null;
        }

        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        if (pieces.All(p => p is HoconObject))
        {
            return pieces.Cast<HoconObject>().Aggregate(HoconObject.Merge);
        }

        if (pieces.All(p => p is HoconArray))
        {
            return new HoconArray(pieces.SelectMany(p => p.GetArray()), concatenation.Position);
        }

        if (pieces.All(p => p is HoconLiteral))
        {
            var text = new StringBuilder();
            for (var i = 0; i < pieces.Count; i++)
            {
                text.Append(whitespace[i]).Append(pieces[i].GetString() ?? "null");
            }

            return new HoconLiteral(text.ToString(), HoconValueType.String, concatenation.Position);
        }

        var kinds = string.Join(", ", pieces.Select(p => p.Describe()));
        throw new HoconParseException(
            concatenation.Position,
            $"cannot concatenate values of different kinds ({kinds}); only strings, only lists or only objects concatenate");
    }

    private HoconValue? ResolveMerge(HoconMerge merge, Ancestors ancestors)
    {
        HoconValue? result = null;
        foreach (var layer in merge.Layers)
        {
            var resolved = ResolveValue(layer, ancestors);
            if (resolved is null)
            {
                continue;
            }

            result = result is HoconObject older && resolved is HoconObject newer
                ? HoconObject.Merge(older, newer)
                : resolved;
        }

        return result;
    }

    private HoconParseException Cycle(HoconPosition position)
    {
        var chain = _chain.Count > 0
            ? string.Join(" -> ", _chain.Select(s => $"${{{s.Text}}}"))
            : "a value refers to itself";
        return new HoconParseException(position, $"substitution cycle: {chain}; break the cycle by giving one of them a value");
    }

    private static HoconParseException Unresolved(HoconSubstitution substitution)
    {
        if (substitution.EnvironmentOnly)
        {
            return new HoconParseException(
                substitution.Position,
                $"unresolved substitution ${{{substitution.Text}}}: it refers to the key being defined, which has no earlier value, "
                + $"and there is no environment variable \"{substitution.Text}\"; define the key before this line or write ${{?{substitution.Text}}}");
        }

        return new HoconParseException(
            substitution.Position,
            $"unresolved substitution ${{{substitution.Text}}}: no path \"{HoconPath.Render(substitution.Path)}\" in the config "
            + $"and no environment variable \"{substitution.Text}\"; define one of them or write ${{?{substitution.Text}}} to make it optional");
    }

    /// <summary>The objects and lists containing a location, innermost first (an immutable list, shared by siblings).</summary>
    private sealed class Ancestors
    {
        private readonly HoconValue? _container;
        private readonly Ancestors? _outer;

        private Ancestors(HoconValue? container, Ancestors? outer)
        {
            _container = container;
            _outer = outer;
        }

        public static Ancestors None { get; } = new(null, null);

        public Ancestors With(HoconValue container) => new(container, this);

        public bool Contains(HoconValue value)
        {
            for (var a = this; a is not null; a = a._outer)
            {
                if (ReferenceEquals(a._container, value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
