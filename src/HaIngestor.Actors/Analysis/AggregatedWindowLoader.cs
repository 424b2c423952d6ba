using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Analysis;

/// <summary>
/// Reads a run's window the incremental way. First every complete local day since the last stored one that
/// L1 still holds is aggregated (one day of raw events at a time) and stored in L2. Then the window's whole,
/// complete days come from L2 and only the rest — partial days at its edges, today so far, days L2 lacks — is
/// read raw from L1. Last, L2 is pruned by retention. Detecting from the result equals detecting from the raw
/// events of the whole window (see <see cref="IAggregatingDetector"/>), but days L1 has already pruned are
/// still there.
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
        var aggregated = await CatchUpAsync(events, storage, aggregators, home, today, now, cancellationToken);

        var wholeDays = LocalDays.WholeDaysWithin(windowStart, windowEnd, calendar).Where(d => d < today).ToList();
        var stored = aggregators.ToDictionary(a => a.AggregateKind, _ => new Dictionary<DateOnly, DailyAggregate>(), StringComparer.Ordinal);
        var problems = new List<string>();
        if (wholeDays.Count > 0)
        {
            foreach (var aggregator in aggregators)
            {
                var days = stored[aggregator.AggregateKind];
                foreach (var row in await storage.Store.LoadAsync(aggregator.AggregateKind, wholeDays[0], wholeDays[^1], cancellationToken))
                {
                    if (DailyAggregateCodec.TryDecode(row.Kind, row.Date, row.Payload, out var aggregate, out var error))
                    {
                        days[row.Date] = aggregate;
                    }
                    else
                    {
                        problems.Add(error);
                    }
                }
            }
        }

        var covered = wholeDays.Where(d => aggregators.All(a => stored[a.AggregateKind].ContainsKey(d))).ToHashSet();
        var raw = new List<StateChange>();
        foreach (var (from, to) in Uncovered(windowStart, windowEnd, covered, calendar))
        {
            raw.AddRange(await events.ReadAsync(from, to, cancellationToken));
        }

        var context = new DetectionContext(raw, home, windowStart, windowEnd)
        {
            Aggregates = stored.ToDictionary(
                s => s.Key,
                s => (IReadOnlyList<DailyAggregate>)s.Value.Values.Where(a => covered.Contains(a.Date)).OrderBy(a => a.Date).ToList(),
                StringComparer.Ordinal),
        };
        var storedEvents = aggregators.Count == 0
            ? 0
            : stored[aggregators[0].AggregateKind].Values.Where(a => covered.Contains(a.Date)).Sum(a => (long)a.EventCount);
        var pruned = await storage.Store.PruneAsync(today.AddDays(-storage.RetentionDays), cancellationToken);
        return new AggregatedWindow(context, raw.Count + storedEvents, aggregated, covered.Count, pruned, problems);
    }

    /// <summary>Aggregates and stores each complete day after the last stored one, as far back as L1 still reaches.</summary>
    private static async Task<int> CatchUpAsync(
        IEventStore events,
        AggregateStorage storage,
        IReadOnlyList<IAggregatingDetector> aggregators,
        HomeProfile home,
        DateOnly today,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var calendar = home.Calendar;
        var rawHorizon = now.AddDays(-storage.RawRetentionDays);
        var firstInL1 = LocalDays.DateOf(rawHorizon, calendar);
        if (calendar.StartOfDay(firstInL1) < rawHorizon)
        {
            firstInL1 = firstInL1.AddDays(1);
        }

        var next = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var aggregator in aggregators)
        {
            var last = await storage.Store.LastAggregatedDateAsync(aggregator.AggregateKind, cancellationToken);
            next[aggregator.AggregateKind] = last is { } date && date.AddDays(1) > firstInL1 ? date.AddDays(1) : firstInL1;
        }

        var days = 0;
        for (var date = next.Values.DefaultIfEmpty(today).Min(); date < today; date = date.AddDays(1))
        {
            var due = aggregators.Where(a => next[a.AggregateKind] <= date).ToList();
            var (start, end) = LocalDays.Bounds(date, calendar);
            var day = new LocalDay(date, await events.ReadAsync(start, end, cancellationToken));
            var rows = due.Select(a => StoredAggregate.Of(a.Aggregate(day, home))).ToList();
            await storage.Store.SaveAsync(rows, cancellationToken);
            days++;
        }

        return days;
    }

    /// <summary>The spans of [from, to) outside the covered whole days, in order.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Uncovered(
        DateTimeOffset from, DateTimeOffset to, HashSet<DateOnly> covered, HomeCalendar calendar)
    {
        var cursor = from;
        foreach (var date in covered.Order())
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
