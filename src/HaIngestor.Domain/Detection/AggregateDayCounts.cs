namespace HaIngestor.Domain.Detection;

/// <summary>How a run that reads L2 got its window's days.</summary>
/// <param name="Aggregated">Days aggregated from L1 and stored for the first time.</param>
/// <param name="Rebuilt">
/// Days whose stored aggregates were stale (made under other aggregation settings, time zone or format, or
/// followed by late L1 events) or unreadable, and were aggregated again from L1.
/// </param>
/// <param name="FromStore">Whole days of the window analysed from aggregates (those just made included).</param>
/// <param name="Unavailable">
/// Days of the window whose stored aggregates were stale while L1 no longer held their raw events: left out of
/// the analysis rather than mixed in, ascending.
/// </param>
public sealed record AggregateDayCounts(int Aggregated, int Rebuilt, int FromStore, IReadOnlyList<DateOnly> Unavailable);
