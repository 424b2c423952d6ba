namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>One L2 row: an encoded <see cref="DailyAggregate"/> (see <see cref="DailyAggregateCodec"/>) and what it was made from.</summary>
/// <param name="Kind">The aggregate kind.</param>
/// <param name="Date">The local date.</param>
/// <param name="Payload">The encoded aggregate.</param>
/// <param name="Fingerprint">The <see cref="AggregateFingerprint"/> it was made under; empty for rows of unknown origin (always stale).</param>
/// <param name="Sequence">
/// The L1 write sequence read before the day's raw events were (<see cref="Events.L1WriteLog.Sequence"/>): a later
/// write to the day's hours makes the row stale. 0 when unknown.
/// </param>
public sealed record StoredAggregate(string Kind, DateOnly Date, byte[] Payload, string Fingerprint, long Sequence)
{
    public static StoredAggregate Of(DailyAggregate aggregate, string fingerprint, long sequence) =>
        new(aggregate.Kind, aggregate.Date, DailyAggregateCodec.Encode(aggregate), fingerprint, sequence);
}
