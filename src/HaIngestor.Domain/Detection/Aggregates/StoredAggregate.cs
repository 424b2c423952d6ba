namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>One L2 row: an encoded <see cref="DailyAggregate"/> (see <see cref="DailyAggregateCodec"/>).</summary>
public sealed record StoredAggregate(string Kind, DateOnly Date, byte[] Payload)
{
    public static StoredAggregate Of(DailyAggregate aggregate) => new(aggregate.Kind, aggregate.Date, DailyAggregateCodec.Encode(aggregate));
}
