using Coordinator.Kernel.Actor.Internal;

namespace Coordinator.Kernel.Actor;

internal sealed partial class ActorCell
{
    // Children are added by ActorOf, which for the guardians is called from any thread (system.ActorOf),
    // and removed on the actor's turn; hence a lock. Not on the message path.
    private readonly object _childrenLock = new();
    private readonly Dictionary<string, ChildRestartStats> _children = new(StringComparer.Ordinal);
    private readonly HashSet<IInternalActorRef> _toDie = new();
    private long _nextNameId;

    private bool HasChildrenToDie
    {
        get
        {
            lock (_childrenLock)
            {
                return _toDie.Count > 0;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => AttachChild(props, name);

    internal LocalActorRef AttachChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = "$" + Base64Name(Interlocked.Increment(ref _nextNameId));
        }
        else
        {
            ValidateName(name);
        }

        var dispatcher = _system.Dispatchers.Lookup(props.Dispatcher);
        ActorCell cell;
        lock (_childrenLock)
        {
            if (_isTerminating)
            {
                throw new InvalidOperationException($"Cannot create child [{name}]: {_self.Path} is terminating.");
            }

            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique!");
            }

            var path = (_self.Path / name).WithUid(NewUid());
            cell = new ActorCell(_system, _self, path, props, dispatcher);
            _children.Add(name, new ChildRestartStats(cell.SelfRef));
        }

        try
        {
            cell.Init();
        }
        catch
        {
            lock (_childrenLock)
            {
                _children.Remove(name);
            }

            throw;
        }

        return cell.SelfRef;
    }

    public IActorRef Child(string name)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
        }
    }

    public IEnumerable<IActorRef> GetChildren()
    {
        lock (_childrenLock)
        {
            return _children.Values.Select(s => (IActorRef)s.Child).ToArray();
        }
    }

    public void Stop(IActorRef actor)
    {
        if (actor is not IInternalActorRef target)
        {
            return;
        }

        if (!target.Equals(_self))
        {
            lock (_childrenLock)
            {
                if (_children.TryGetValue(target.Path.Name, out var stats) && stats.Child.Equals(target))
                {
                    _toDie.Add(stats.Child);
                }
            }
        }

        target.Stop();
    }

    internal ChildRestartStats? GetChildStats(IActorRef child)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child) ? stats : null;
        }
    }

    internal IReadOnlyList<ChildRestartStats> GetChildrenStats()
    {
        lock (_childrenLock)
        {
            return _children.Values.ToArray();
        }
    }

    private bool IsChildToDie(IActorRef child)
    {
        lock (_childrenLock)
        {
            return child is IInternalActorRef r && _toDie.Contains(r);
        }
    }

    private List<IInternalActorRef> StopAllChildrenLocked()
    {
        var children = new List<IInternalActorRef>(_children.Count);
        foreach (var stats in _children.Values)
        {
            _toDie.Add(stats.Child);
            children.Add(stats.Child);
        }

        return children;
    }

    /// <summary>A child's death notification arrived: forget it, and finish a pending restart or stop.</summary>
    private void HandleChildTerminated(IInternalActorRef child)
    {
        int remainingToDie;
        int remainingChildren;
        lock (_childrenLock)
        {
            if (_children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child))
            {
                _children.Remove(child.Path.Name);
            }

            _toDie.Remove(child);
            remainingToDie = _toDie.Count;
            remainingChildren = _children.Count;
        }

        if (_isTerminating)
        {
            if (remainingChildren == 0 && !_isTerminated)
            {
                FinishTerminate();
            }
        }
        else if (_pendingRecreateCause is not null && remainingToDie == 0)
        {
            FinishRecreate(_pendingRecreateCause);
        }
    }

    private bool IsChild(IActorRef actor) => GetChildStats(actor) is not null;

    private static void ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("Actor name must not be empty.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Illegal actor name [{name}]: must not start with '$'.");
        }

        foreach (var c in name)
        {
            if (c == '/' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new InvalidActorNameException($"Illegal actor name [{name}]: contains '{c}'.");
            }
        }
    }

    private static string Base64Name(long n)
    {
        const string Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        Span<char> buffer = stackalloc char[12];
        var i = 0;
        do
        {
            buffer[i++] = Chars[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);

        return new string(buffer[..i]);
    }
}
