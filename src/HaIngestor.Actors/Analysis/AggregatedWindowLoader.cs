using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Analysis;

/// <summary>
/// Reads a run's window the incremental way. First L2 is brought up to date: every complete local day that L1
/// still holds whole and whose aggregate is missing or stale (see <see cref="AggregateFreshness"/>: other
/// aggregation settings, time zone or format, or L1 events that arrived after it was made) is aggregated from L1,
/// one day of raw events at a time, and stored. Then the window's whole, complete days come from L2 and only the
/// rest — partial days at its edges, today so far, days L2 never had — is read raw from L1. A window day whose
/// aggregate is stale but whose raw events L1 no longer holds is left out entirely and reported, never mixed in.
/// Last, L2 is pruned by retention. Detecting from the result equals detecting from the raw events of the whole
/// window (see <see cref="IAggregatingDetector"/>), but days L1 has already pruned are still there.
/// </summary>
public static class AggregatedWindowLoader
{
    public static async Task<AggregatedWindow> LoadAsync(
        IEventStore events,
        AggregateStorage storage,
        IReadOnlyList<IAggregatingDetector> detectors,
        HomeProfile home,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var calendar = home.Calendar;
        var aggregators = IncrementalAnalysis.Aggregators(detectors);
        var today = LocalDays.DateOf(now, calendar);

        // Read before any event: an append committed later carries a higher sequence and makes its days stale again.
        var log = await events.WriteLogAsync(cancellationToken);
        var freshness = AggregateFreshness.For(aggregators, home, log);
        var fromL1 = new L1DayAggregation(events, storage.Store, home, freshness, log.Sequence);
        var heldFrom = Max(log.PrunedBefore, now.AddDays(-storage.RawRetentionDays));
        bool Held(DateOnly date) => calendar.StartOfDay(date) >= heldFrom;

        var wholeDays = LocalDays.WholeDaysWithin(windowStart, windowEnd, calendar).Where(d => d < today).ToHashSet();
        var days = new SortedSet<DateOnly>(wholeDays);
        for (var date = LocalDays.DateOf(heldFrom, calendar); date < today; date = date.AddDays(1))
        {
            if (Held(date))
            {
                days.Add(date);
            }
        }

        var stored = aggregators.ToDictionary(a => a.AggregateKind, _ => new Dictionary<DateOnly, StoredAggregate>(), StringComparer.Ordinal);
        if (days.Count > 0)
        {
            foreach (var aggregator in aggregators)
            {
                foreach (var row in await storage.Store.LoadAsync(aggregator.AggregateKind, days.Min, days.Max, cancellationToken))
                {
                    stored[aggregator.AggregateKind][row.Date] = row;
                }
            }
        }

        var window = aggregators.ToDictionary(a => a.AggregateKind, _ => new List<DailyAggregate>(), StringComparer.Ordinal);
        var covered = new HashSet<DateOnly>();
        var unavailable = new List<DateOnly>();
        var problems = new List<string>();
        int aggregated = 0, rebuilt = 0;
        foreach (var date in days)
        {
            var inWindow = wholeDays.Contains(date);
            var current = new Dictionary<string, DailyAggregate>(StringComparer.Ordinal);
            var missing = new List<IAggregatingDetector>();
            var stale = new List<IAggregatingDetector>();
            foreach (var aggregator in aggregators)
            {
                var kind = aggregator.AggregateKind;
                if (!stored[kind].TryGetValue(date, out var row))
                {
                    missing.Add(aggregator);
                }
                else if (!freshness.IsCurrent(row))
                {
                    stale.Add(aggregator);
                }
                else if (!inWindow)
                {
                    continue;
                }
                else if (DailyAggregateCodec.TryDecode(row.Kind, row.Date, row.Payload, out var aggregate, out var error))
                {
                    current[kind] = aggregate;
                }
                else
                {
                    problems.Add(error);
                    stale.Add(aggregator);
                }
            }

            if ((missing.Count > 0 || stale.Count > 0) && Held(date))
            {
                foreach (var aggregate in await fromL1.AggregateAsync(date, missing.Concat(stale), cancellationToken))
                {
                    current[aggregate.Kind] = aggregate;
                }

                if (stale.Count > 0)
                {
                    rebuilt++;
                }
                else
                {
                    aggregated++;
                }
            }
            else if (stale.Count > 0 && inWindow)
            {
                unavailable.Add(date);
                continue;
            }

            if (inWindow && current.Count == aggregators.Count)
            {
                covered.Add(date);
                foreach (var (kind, aggregate) in current)
                {
                    window[kind].Add(aggregate);
                }
            }
        }

        var raw = new List<StateChange>();
        foreach (var (from, to) in Uncovered(windowStart, windowEnd, covered.Concat(unavailable).ToHashSet(), calendar))
        {
            raw.AddRange(await events.ReadAsync(from, to, cancellationToken));
        }

        var context = new DetectionContext(raw, home, windowStart, windowEnd)
        {
            Aggregates = window.ToDictionary(w => w.Key, w => (IReadOnlyList<DailyAggregate>)w.Value, StringComparer.Ordinal),
        };
        var storedEvents = aggregators.Count == 0 ? 0 : window[aggregators[0].AggregateKind].Sum(a => (long)a.EventCount);
        var pruned = await storage.Store.PruneAsync(today.AddDays(-storage.RetentionDays), cancellationToken);
        return new AggregatedWindow(
            context,
            raw.Count + storedEvents,
            new AggregateDayCounts(aggregated, rebuilt, covered.Count, unavailable),
            pruned,
            problems);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The spans of [from, to) outside the excluded whole days, in order.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Uncovered(
        DateTimeOffset from, DateTimeOffset to, HashSet<DateOnly> excluded, HomeCalendar calendar)
    {
        var cursor = from;
        foreach (var date in excluded.Order())
        {
            var (start, end) = LocalDays.Bounds(date, calendar);
            if (start > cursor)
            {
                yield return (cursor, start);
            }

            cursor = end;
        }

        if (to > cursor)
        {
            yield return (cursor, to);
        }
    }
}
