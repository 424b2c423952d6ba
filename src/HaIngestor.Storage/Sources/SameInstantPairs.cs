namespace HaIngestor.Storage.Sources;

/// <summary>
/// The (entity, state) pairs seen at one instant, to drop repeats of a line. An instant rarely carries more than a
/// few changes, so a short list is searched (pooled strings usually match by reference) before a set is built.
/// </summary>
internal sealed class SameInstantPairs
{
    private const int ListLimit = 16;
    private readonly List<(string EntityId, string State)> _list = new(ListLimit);
    private readonly HashSet<(string EntityId, string State)> _set = [];
    private bool _useSet;

    public void Clear()
    {
        _list.Clear();
        if (_useSet)
        {
            _set.Clear();
            _useSet = false;
        }
    }

    /// <summary>False when the pair was already seen at this instant.</summary>
    public bool Add(string entityId, string state)
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
