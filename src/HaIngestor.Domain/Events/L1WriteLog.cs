namespace HaIngestor.Domain.Events;

/// <summary>
/// What the L1 store knows about its own writes, so that aggregates made from it can tell when they fell behind.
/// Every append gets the next sequence number and records it against each UTC hour its events fall in; an
/// aggregate that remembers the sequence read before its day's events were is stale once any hour of that day
/// carries a higher one. Hours are coarse on purpose: one small upsert per batch instead of per event, and a late
/// event only ever makes a day look stale too often (a half-hour time zone shares an hour between two days), never
/// too rarely.
/// </summary>
/// <param name="Sequence">The sequence of the last committed append (0 before the first).</param>
/// <param name="PrunedBefore">Events before this instant have been pruned (<see cref="DateTimeOffset.MinValue"/> when nothing was).</param>
/// <param name="Hours">The hours still held that received events, ascending.</param>
public sealed record L1WriteLog(long Sequence, DateTimeOffset PrunedBefore, IReadOnlyList<WrittenHour> Hours);
