namespace HaIngestor.Storage.Sources;

/// <summary>How to read an events.jsonl file.</summary>
public sealed record EventsJsonlReadOptions
{
    /// <summary>Keep only events at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Keep only events before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// entity_id → area, for lines that carry no area of their own (home.json's entities). Read from several threads
    /// at once while a file is parsed: it must not change meanwhile (a Dictionary or FrozenDictionary is fine).
    /// </summary>
    public IReadOnlyDictionary<string, string>? EntityAreas { get; init; }

    /// <summary>How many skipped-line errors the result keeps in full; every one is counted.</summary>
    public int MaxErrors { get; init; } = 20;
}
