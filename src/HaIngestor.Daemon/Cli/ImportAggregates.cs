namespace HaIngestor.Daemon.Cli;

/// <summary>What an import added to L2, the daily aggregates that outlive the raw retention.</summary>
/// <param name="Days">Complete local days the import wrote rows into, aggregated from L1 and stored.</param>
/// <param name="First">The first of them, or null.</param>
/// <param name="Last">The last of them, or null.</param>
/// <param name="TooOld">Complete days the import wrote rows into that are older than the aggregate retention: not aggregated.</param>
/// <param name="RetentionDays">The aggregate retention in days.</param>
public sealed record ImportAggregates(int Days, DateOnly? First, DateOnly? Last, int TooOld, int RetentionDays)
{
    public static ImportAggregates None(int retentionDays) => new(0, null, null, 0, retentionDays);
}
