namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// The L2 store: one payload per aggregate kind and local date (embedded SQLite by default), each with the
/// fingerprint and L1 write sequence it was made under (see <see cref="AggregateFreshness"/>).
/// </summary>
public interface IAggregateStore
{
    /// <summary>Stores the payloads atomically; a kind and date already stored is replaced.</summary>
    Task SaveAsync(IReadOnlyList<StoredAggregate> aggregates, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every kind's aggregate of each date stale, so that the next run rebuilds it from L1 (or, when L1 no
    /// longer holds the day, leaves it out and says so). For whoever changes a day's history other than by
    /// appending to L1, which marks the days it touches by itself; returns how many rows were marked.
    /// </summary>
    Task<int> MarkStaleAsync(IEnumerable<DateOnly> dates, CancellationToken cancellationToken = default);

    /// <summary>The payloads of <paramref name="kind"/> with <paramref name="from"/> ≤ date ≤ <paramref name="to"/>, ascending by date.</summary>
    Task<IReadOnlyList<StoredAggregate>> LoadAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Deletes every payload dated before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PruneAsync(DateOnly olderThan, CancellationToken cancellationToken = default);
}
