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
    /// The settings <see cref="Aggregate"/> reads, as canonical text (empty when it reads none). A stored aggregate
    /// made under other text is stale (see <see cref="Aggregates.AggregateFingerprint"/>); settings that only
    /// <see cref="DetectFromAggregates"/> reads never belong here, so changing them rebuilds nothing.
    /// </summary>
    string AggregationSettings { get; }

    /// <summary>The aggregate of one local day's events; depends on nothing outside that day and its settings.</summary>
    DailyAggregate Aggregate(LocalDay day, HomeProfile home);

    /// <summary>The patterns of a window from the aggregates of its days (of <see cref="AggregateKind"/>).</summary>
    IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow window);
}
