using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Analysis;

/// <summary>
/// Makes L2 rows from L1: one complete local day's raw events, aggregated by each given aggregator and stored with the
/// current fingerprint of its kind and the L1 write-log sequence read before the day was read — so the row stays
/// fresh until an append touches its day again. The daily run and the import share it.
/// </summary>
/// <param name="events">L1.</param>
/// <param name="store">L2.</param>
/// <param name="home">The home whose calendar cuts the days.</param>
/// <param name="freshness">The current fingerprints (see <see cref="AggregateFreshness.For"/>).</param>
/// <param name="sequence">The L1 write-log sequence read before any day is read.</param>
public sealed class L1DayAggregation(IEventStore events, IAggregateStore store, HomeProfile home, AggregateFreshness freshness, long sequence)
{
    /// <summary>Aggregates <paramref name="date"/> from L1, stores the rows and returns the aggregates.</summary>
    public async Task<IReadOnlyList<DailyAggregate>> AggregateAsync(
        DateOnly date, IEnumerable<IAggregatingDetector> aggregators, CancellationToken cancellationToken = default)
    {
        var (start, end) = LocalDays.Bounds(date, home.Calendar);
        var day = new LocalDay(date, await events.ReadAsync(start, end, cancellationToken));
        var aggregates = aggregators.Select(a => a.Aggregate(day, home)).ToList();
        await store.SaveAsync(
            aggregates.Select(a => StoredAggregate.Of(a, freshness.FingerprintOf(a.Kind), sequence)).ToList(), cancellationToken);
        return aggregates;
    }
}
