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

    /// <summary>The aggregate of one local day's events; depends on nothing outside that day.</summary>
    DailyAggregate Aggregate(LocalDay day, HomeProfile home);

    /// <summary>The patterns of a window from the aggregates of its days (of <see cref="AggregateKind"/>).</summary>
    IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow window);
}
