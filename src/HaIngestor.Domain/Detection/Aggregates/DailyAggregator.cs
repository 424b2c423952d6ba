using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Folds a time-ordered stream of events into daily aggregates one local day at a time, so an analysis of
/// millions of events holds one or two days of them, never all. A day is closed once an event two days later
/// arrives; an event for a day already closed is counted in <see cref="LateEvents"/> (the caller then has to
/// analyse the sorted events instead, since that day's aggregate cannot take it any more).
/// </summary>
public sealed class DailyAggregator(HomeProfile home, IReadOnlyList<IPatternDetector> detectors)
{
    private readonly IReadOnlyList<IAggregatingDetector> aggregators = IncrementalAnalysis.Aggregators(detectors);
    private readonly HomeCalendar calendar = home.Calendar;
    private readonly SortedDictionary<DateOnly, List<StateChange>> open = [];
    private readonly List<DailyAggregate> closed = [];
    private DateOnly? closedThrough;
    private DateTimeOffset dayStart = DateTimeOffset.MaxValue;
    private DateTimeOffset dayEnd = DateTimeOffset.MinValue;
    private List<StateChange>? current;

    /// <summary>Whether every detector can work from aggregates (otherwise the raw events are needed).</summary>
    public bool CoversAllDetectors => aggregators.Count > 0 && detectors.All(d => d is IAggregatingDetector);

    /// <summary>Events that arrived for a day already closed: not in any aggregate.</summary>
    public long LateEvents { get; private set; }

    public long Events { get; private set; }

    public void Add(StateChange change)
    {
        if (change.Time < dayStart || change.Time >= dayEnd)
        {
            var date = LocalDays.DateOf(change.Time, calendar);
            if (closedThrough is { } last && date <= last)
            {
                LateEvents++;
                return;
            }

            (dayStart, dayEnd) = LocalDays.Bounds(date, calendar);
            if (!open.TryGetValue(date, out current))
            {
                current = [];
                open.Add(date, current);
            }

            CloseDaysBefore(date.AddDays(-1));
        }

        current!.Add(change);
        Events++;
    }

    /// <summary>Closes every open day and returns all aggregates, ascending by date.</summary>
    public IReadOnlyList<DailyAggregate> Complete()
    {
        CloseDaysBefore(DateOnly.MaxValue);
        return closed;
    }

    private void CloseDaysBefore(DateOnly date)
    {
        while (open.Count > 0 && open.Keys.First() is var first && first < date)
        {
            var day = new LocalDay(first, open[first]);
            closed.AddRange(aggregators.Select(a => a.Aggregate(day, home)));
            open.Remove(first);
            closedThrough = first;
        }
    }
}
