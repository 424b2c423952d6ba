namespace HaIngestor.Domain.Events;

/// <summary>The L1 store of raw state changes (embedded SQLite by default, InfluxDB as an option).</summary>
public interface IEventStore
{
    /// <summary>Appends a batch atomically: either every change of the batch is stored or none.</summary>
    Task AppendAsync(IReadOnlyList<StateChange> batch, CancellationToken cancellationToken = default);

    /// <summary>The changes with <paramref name="from"/> &lt;= time &lt; <paramref name="to"/>, sorted by time.</summary>
    Task<IReadOnlyList<StateChange>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes changes older than <paramref name="olderThan"/>; returns how many were deleted.</summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>
    /// The write log: the current append sequence, where pruning cut, and which hours got events by which append.
    /// Read it before the events it is meant to vouch for: an append committed after it carries a higher sequence.
    /// </summary>
    Task<L1WriteLog> WriteLogAsync(CancellationToken cancellationToken = default);

    /// <summary>How many changes are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
