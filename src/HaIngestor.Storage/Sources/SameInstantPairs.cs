using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Finds the repeats of a line in changes taken in time order (file order, or sorted): a change is a repeat when an
/// earlier change at the same instant had its entity and state. Only the (entity, state) pairs of the current instant
/// are kept; an instant rarely carries more than a few changes, so a short list is searched (pooled strings usually
/// match by reference) before a set is built.
/// </summary>
internal sealed class SameInstantPairs
{
    private const int ListLimit = 16;
    private readonly List<(string EntityId, string State)> _list = new(ListLimit);
    private readonly HashSet<(string EntityId, string State)> _set = [];
    private bool _useSet;
    private DateTimeOffset _instant = DateTimeOffset.MinValue;

    /// <summary>Whether an earlier change at the same instant had this change's entity and state.</summary>
    public bool IsRepeat(StateChange change)
    {
        if (change.Time != _instant)
        {
            _instant = change.Time;
            Clear();
        }

        return !Add(change.EntityId, change.State);
    }

    private void Clear()
    {
        _list.Clear();
        if (_useSet)
        {
            _set.Clear();
            _useSet = false;
        }
    }

    /// <summary>False when the pair was already seen at this instant.</summary>
    private bool Add(string entityId, string state)
    {
        if (_useSet)
        {
            return _set.Add((entityId, state));
        }

        foreach (var (e, s) in _list)
        {
            if (string.Equals(e, entityId, StringComparison.Ordinal) && string.Equals(s, state, StringComparison.Ordinal))
            {
                return false;
            }
        }

        _list.Add((entityId, state));
        if (_list.Count > ListLimit)
        {
            _set.UnionWith(_list);
            _useSet = true;
        }

        return true;
    }
}
