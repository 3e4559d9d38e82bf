namespace Coordinator.Kernel.Actor;

/// <summary>INTERNAL API. The stash of one actor incarnation; on restart it is unstashed into the mailbox.</summary>
internal sealed class UnboundedStash : IStash
{
    private readonly ActorCell _cell;
    private readonly List<Envelope> _stashed = new();

    public UnboundedStash(ActorCell cell)
    {
        _cell = cell;
    }

    public int Count => _stashed.Count;

    public void Stash()
    {
        if (!ActorCell.IsCurrent(_cell))
        {
            throw new InvalidOperationException("Stash can only be used on the actor's own turn.");
        }
        var current = _cell.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new IllegalActorStateException("There is no message to stash.");
        }

        if (_stashed.Count > 0 && ReferenceEquals(_stashed[^1].Message, current.Message) && ReferenceEquals(_stashed[^1].Sender, current.Sender))
        {
            throw new IllegalActorStateException($"Can't stash the same message {current.Message} more than once.");
        }

        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        _cell.Mailbox.Prepend([first]);
    }

    public void UnstashAll() => UnstashAllInternal();

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        var matching = _stashed.Where(predicate).ToList();
        _stashed.RemoveAll(e => matching.Contains(e));
        _cell.Mailbox.Prepend(matching);
    }

    public IEnumerable<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }

    internal void UnstashAllInternal()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        _cell.Mailbox.Prepend(_stashed.ToArray());
        _stashed.Clear();
    }

    internal void ClearToDeadLetters()
    {
        foreach (var e in _stashed)
        {
            _cell.System.PublishDeadLetter(e.Message, e.Sender, _cell.Self);
        }

        _stashed.Clear();
    }
}
