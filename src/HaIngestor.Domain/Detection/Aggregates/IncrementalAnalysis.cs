using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// The daily run without actors or storage: aggregate the new days' raw events, then detect from the stored
/// aggregates of the earlier days together with the new ones. Gives the same patterns as a full recompute over
/// the raw events of the whole window.
/// </summary>
public static class IncrementalAnalysis
{
    /// <summary>The aggregates of each local day of <paramref name="events"/>, one per aggregate kind of <paramref name="detectors"/>.</summary>
    public static IReadOnlyList<DailyAggregate> Aggregate(
        IReadOnlyList<StateChange> events, HomeProfile home, IReadOnlyList<IPatternDetector> detectors) =>
        Aggregate(LocalDays.Split(events, home.Calendar), home, detectors);

    /// <summary>The aggregates of <paramref name="days"/>, one per aggregate kind of <paramref name="detectors"/>, a day at a time.</summary>
    public static IReadOnlyList<DailyAggregate> Aggregate(
        IEnumerable<LocalDay> days, HomeProfile home, IReadOnlyList<IPatternDetector> detectors)
    {
        var aggregators = Aggregators(detectors);
        var aggregates = new List<DailyAggregate>();
        foreach (var day in days)
        {
            aggregates.AddRange(aggregators.Select(a => a.Aggregate(day, home)));
        }

        return aggregates;
    }

    /// <summary>
    /// Every detector's patterns: the aggregating ones from <paramref name="aggregated"/>, the others from the raw
    /// events <paramref name="raw"/> gives, made only when such a detector is there (they can be a month of records).
    /// </summary>
    public static List<Pattern> Detect(DetectionContext aggregated, Func<DetectionContext> raw, IReadOnlyList<IPatternDetector> detectors)
    {
        var patterns = new List<Pattern>();
        DetectionContext? rawContext = null;
        foreach (var detector in detectors)
        {
            patterns.AddRange(detector.Detect(detector is IAggregatingDetector ? aggregated : rawContext ??= raw()));
        }

        return patterns;
    }

    /// <summary>One detector per aggregate kind: the one that writes that kind's records.</summary>
    public static IReadOnlyList<IAggregatingDetector> Aggregators(IReadOnlyList<IPatternDetector> detectors) =>
        detectors.OfType<IAggregatingDetector>().DistinctBy(d => d.AggregateKind, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Detects over [<paramref name="windowStart"/>, <paramref name="windowEnd"/>) from <paramref name="history"/>
    /// (aggregates of earlier days, any kinds) and the raw events of the new day(s).
    /// </summary>
    /// <param name="history">Stored aggregates of the window's earlier days.</param>
    /// <param name="newEvents">Raw events of the days not yet aggregated (typically the last day), sorted by time.</param>
    /// <param name="home">The home.</param>
    /// <param name="windowStart">Start of the window (inclusive).</param>
    /// <param name="windowEnd">End of the window (exclusive).</param>
    /// <param name="detectors">The detectors; those that do not aggregate see only <paramref name="newEvents"/>.</param>
    public static IncrementalResult Run(
        IReadOnlyList<DailyAggregate> history,
        IReadOnlyList<StateChange> newEvents,
        HomeProfile home,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        IReadOnlyList<IPatternDetector> detectors)
    {
        var fresh = Aggregate(newEvents, home, detectors);
        var context = new DetectionContext([], home, windowStart, windowEnd) { Aggregates = ByKind(history.Concat(fresh)) };
        var patterns = Detect(context, () => new DetectionContext(newEvents, home, windowStart, windowEnd), detectors);
        return new IncrementalResult(patterns, fresh);
    }

    /// <summary>Aggregates grouped by kind, each group ascending by date (a later duplicate of a kind and date wins).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DailyAggregate>> ByKind(IEnumerable<DailyAggregate> aggregates) =>
        aggregates
            .GroupBy(a => a.Kind, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<DailyAggregate>)g.GroupBy(a => a.Date).Select(d => d.Last()).OrderBy(a => a.Date).ToList(),
                StringComparer.Ordinal);
}
