namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>What an incremental run found, and the aggregates of its new days (to be stored in L2).</summary>
public sealed record IncrementalResult(IReadOnlyList<Pattern> Patterns, IReadOnlyList<DailyAggregate> NewAggregates);
