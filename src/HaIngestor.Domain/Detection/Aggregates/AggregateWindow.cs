using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>What a detector sees when it works from aggregates: its records of the window's days, ascending by date.</summary>
/// <param name="Days">One record per day that had events, of the detector's aggregate kind, ascending by date.</param>
/// <param name="Home">Time zone, areas.</param>
/// <param name="WindowStart">Start of the analysed window (inclusive).</param>
/// <param name="WindowEnd">End of the analysed window (exclusive).</param>
public sealed record AggregateWindow(
    IReadOnlyList<DailyAggregate> Days,
    HomeProfile Home,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd)
{
    /// <summary>
    /// The window of a detection context for <paramref name="detector"/>: its stored aggregates (when the context
    /// carries any) together with the aggregates of the context's raw events, day by day; on a date present in
    /// both, the raw events win.
    /// </summary>
    public static AggregateWindow Of(IAggregatingDetector detector, DetectionContext context)
    {
        var byDate = new SortedDictionary<DateOnly, DailyAggregate>();
        if (context.Aggregates is { } stored && stored.TryGetValue(detector.AggregateKind, out var days))
        {
            foreach (var day in days)
            {
                byDate[day.Date] = day;
            }
        }

        foreach (var day in LocalDays.Split(context.Events, context.Calendar))
        {
            byDate[day.Date] = detector.Aggregate(day, context.Home);
        }

        return new AggregateWindow(byDate.Values.ToList(), context.Home, context.WindowStart, context.WindowEnd);
    }

    /// <summary>The days as <typeparamref name="T"/>; records of another kind are a caller's mistake.</summary>
    public IEnumerable<T> DaysOf<T>()
        where T : DailyAggregate =>
        Days.Select(d => d as T ?? throw new ArgumentException($"a {d.Kind} aggregate of {d.Date} was given to a detector that reads {typeof(T).Name}"));
}
