using System.Runtime.CompilerServices;

namespace HaIngestor.Domain.Events;

/// <summary>Numbers distinct strings in order of first appearance, for the columns of an <see cref="EventBatch"/>.</summary>
public sealed class StringTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    // Readers hand out one instance per distinct value, so most lookups are of an instance seen before: found
    // here by reference, without hashing the characters.
    private readonly (string? Value, int Id)[] _recent = new (string?, int)[256];

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    /// <summary>The id of <paramref name="value"/>, numbering it when it is new.</summary>
    public int Intern(string value)
    {
        ref var recent = ref _recent[RuntimeHelpers.GetHashCode(value) & (_recent.Length - 1)];
        if (ReferenceEquals(recent.Value, value))
        {
            return recent.Id;
        }

        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids.Add(value, id);
            _values.Add(value);
        }

        recent = (value, id);
        return id;
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when it was never interned.</summary>
    public int IdOf(string value) => _ids.TryGetValue(value, out var id) ? id : -1;
}
