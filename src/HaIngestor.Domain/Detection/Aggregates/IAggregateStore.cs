namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>The L2 store: one payload per aggregate kind and local date (embedded SQLite by default).</summary>
public interface IAggregateStore
{
    /// <summary>Stores the payloads atomically; a kind and date already stored is replaced.</summary>
    Task SaveAsync(IReadOnlyList<StoredAggregate> aggregates, CancellationToken cancellationToken = default);

    /// <summary>The payloads of <paramref name="kind"/> with <paramref name="from"/> ≤ date ≤ <paramref name="to"/>, ascending by date.</summary>
    Task<IReadOnlyList<StoredAggregate>> LoadAsync(string kind, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Deletes every payload dated before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PruneAsync(DateOnly olderThan, CancellationToken cancellationToken = default);

    /// <summary>The latest date stored for <paramref name="kind"/>, or null when none is.</summary>
    Task<DateOnly?> LastAggregatedDateAsync(string kind, CancellationToken cancellationToken = default);
}
