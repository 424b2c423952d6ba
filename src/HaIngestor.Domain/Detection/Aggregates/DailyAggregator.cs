using System.Runtime.CompilerServices;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Folds a time-ordered stream of events into daily aggregates as they come, each event straight into the
/// aggregates of its local day, so an analysis of millions of events holds none of them. A day is closed once an
/// event two days later arrives; an event for a day already closed is counted in <see cref="LateEvents"/> (the
/// caller then has to analyse the sorted events instead, since that day's aggregate cannot take it any more).
/// </summary>
public sealed class DailyAggregator(HomeProfile home, IReadOnlyList<IPatternDetector> detectors)
{
    private readonly IReadOnlyList<IAggregatingDetector> aggregators = IncrementalAnalysis.Aggregators(detectors);
    private readonly HomeCalendar calendar = home.Calendar;
    private readonly SortedDictionary<DateOnly, IDayFold[]> open = [];
    private readonly List<DailyAggregate> closed = [];
    private DateOnly? closedThrough;
    private DateTimeOffset dayStart = DateTimeOffset.MaxValue;
    private DateTimeOffset dayEnd = DateTimeOffset.MinValue;
    private IDayFold[] current = [];

    /// <summary>Whether every detector can work from aggregates (otherwise the raw events are needed).</summary>
    public bool CoversAllDetectors => aggregators.Count > 0 && detectors.All(d => d is IAggregatingDetector);

    /// <summary>Events that arrived for a day already closed: not in any aggregate.</summary>
    public long LateEvents { get; private set; }

    public long Events { get; private set; }

    // Runs once per event from the first one on: optimised at once, since a one-shot analysis of a file would
    // otherwise spend much of its run in the unoptimised tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            if (!open.TryGetValue(date, out var folds))
            {
                folds = new IDayFold[aggregators.Count];
                for (var i = 0; i < folds.Length; i++)
                {
                    folds[i] = aggregators[i].StartDay(date, home);
                }

                open.Add(date, folds);
            }

            current = folds;

            CloseDaysBefore(date.AddDays(-1));
        }

        foreach (var fold in current)
        {
            fold.Add(change);
        }

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
        while (open.Count > 0 && open.First() is var (first, folds) && first < date)
        {
            foreach (var fold in folds)
            {
                closed.Add(fold.Complete());
            }

            open.Remove(first);
            closedThrough = first;
        }
    }
}
