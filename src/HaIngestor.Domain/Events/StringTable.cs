namespace HaIngestor.Domain.Events;

/// <summary>Numbers distinct strings in order of first appearance, for the columns of an <see cref="EventBatch"/>.</summary>
public sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    /// <summary>The id of <paramref name="value"/>, numbering it when it is new.</summary>
    public int Intern(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids.Add(value, id);
            _values.Add(value);
        }

        return id;
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when it was never interned.</summary>
    public int IdOf(string value) => _ids.TryGetValue(value, out var id) ? id : -1;
}
