using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// A detector that works from daily aggregates (L2): one local day's events become a compact record, and the
/// patterns of a window come from the records of its days. <see cref="IPatternDetector.Detect"/> aggregates
/// each day of the context and calls <see cref="DetectFromAggregates"/>, so both paths give the same patterns.
/// </summary>
public interface IAggregatingDetector : IPatternDetector
{
    /// <summary>The kind of record it reads and writes; detectors that need the same facts share one kind.</summary>
    string AggregateKind { get; }

    /// <summary>
    /// The settings <see cref="StartDay"/> reads, as canonical text (empty when it reads none). A stored aggregate
    /// made under other text is stale (see <see cref="Aggregates.AggregateFingerprint"/>); settings that only
    /// <see cref="DetectFromAggregates"/> reads never belong here, so changing them rebuilds nothing.
    /// </summary>
    string AggregationSettings { get; }

    /// <summary>
    /// Starts the aggregate of one local day, to be given that day's events one at a time; it depends on nothing
    /// outside that day and the settings.
    /// </summary>
    IDayFold StartDay(DateOnly date, HomeProfile home);

    /// <summary>The aggregate of one local day's events (see <see cref="StartDay"/>).</summary>
    DailyAggregate Aggregate(LocalDay day, HomeProfile home)
    {
        var fold = StartDay(day.Date, home);
        foreach (var change in day.Events)
        {
            fold.Add(change);
        }

        return fold.Complete();
    }

    /// <summary>The patterns of a window from the aggregates of its days (of <see cref="AggregateKind"/>).</summary>
    IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow window);
}
