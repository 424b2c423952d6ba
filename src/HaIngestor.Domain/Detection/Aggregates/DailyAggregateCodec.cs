using System.Diagnostics.CodeAnalysis;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>Turns daily aggregates into L2 payloads and back, one codec per aggregate record.</summary>
public static class DailyAggregateCodec
{
    /// <summary>The aggregate kinds this codec knows.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [TimelineDay.KindName, TimeOfDayDay.KindName];

    /// <summary>The payload format version of <paramref name="kind"/>; stored rows of another version are stale.</summary>
    public static int FormatVersion(string kind) => kind switch
    {
        TimelineDay.KindName => TimelineDayCodec.Version,
        TimeOfDayDay.KindName => TimeOfDayDayCodec.Version,
        _ => throw new ArgumentException($"unknown aggregate kind '{kind}'", nameof(kind)),
    };

    public static byte[] Encode(DailyAggregate aggregate) => aggregate switch
    {
        TimelineDay day => TimelineDayCodec.Encode(day),
        TimeOfDayDay day => TimeOfDayDayCodec.Encode(day),
        _ => throw new ArgumentException($"no codec for {aggregate.GetType().Name}", nameof(aggregate)),
    };

    /// <summary>Decodes a stored payload; a corrupt payload or an unknown kind is an error, never an exception.</summary>
    public static bool TryDecode(
        string kind, DateOnly date, byte[] payload, [NotNullWhen(true)] out DailyAggregate? aggregate, [NotNullWhen(false)] out string? error)
    {
        aggregate = null;
        error = null;
        try
        {
            aggregate = kind switch
            {
                TimelineDay.KindName => TimelineDayCodec.Decode(date, payload),
                TimeOfDayDay.KindName => TimeOfDayDayCodec.Decode(date, payload),
                _ => null,
            };
            error = aggregate is null ? $"unknown aggregate kind '{kind}'" : null;
        }
        catch (InvalidDataException e)
        {
            error = $"{kind} aggregate of {date:yyyy-MM-dd}: {e.Message}";
        }

        return aggregate is not null;
    }
}
