namespace HaIngestor.Storage.Sources;

/// <summary>
/// Hands out one string instance per distinct value. An events file repeats a few hundred entity ids,
/// states and areas millions of times; sharing them keeps a large import's memory proportional to its events.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int Capacity = 100_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> chars)
    {
        if (_lookup.TryGetValue(chars, out var existing))
        {
            return existing;
        }

        var created = chars.ToString();
        if (_strings.Count < Capacity)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
