using HaIngestor.Domain.Detection.Aggregates;

namespace HaIngestor.Actors.Analysis;

/// <summary>The L2 store a run brings up to date and reads, with the retentions of L1 and L2 in days.</summary>
/// <param name="Store">The daily aggregates.</param>
/// <param name="RawRetentionDays">How far back L1 still holds raw events.</param>
/// <param name="RetentionDays">Aggregates older than this are pruned after each run.</param>
public sealed record AggregateStorage(IAggregateStore Store, int RawRetentionDays, int RetentionDays);
