using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// A full recompute over a long window held as an <see cref="EventBatch"/>: each local day is made into records
/// and folded into daily aggregates as the daily run folds it, then every detector works from the aggregates. Only
/// one day of records exists at a time, so a month of millions of changes needs little more than the batch.
/// </summary>
public static class FullRecompute
{
    /// <summary>The aggregates of each local day of [<paramref name="from"/>, <paramref name="to"/>) that has changes, one per aggregate kind.</summary>
    public static IReadOnlyList<DailyAggregate> Aggregate(
        EventBatch batch, HomeProfile home, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IPatternDetector> detectors) =>
        IncrementalAnalysis.Aggregate(LocalDays.Split(batch, home.Calendar, from, to), home, detectors);

    /// <summary>
    /// The patterns of the window: the same as the detectors find over the window's changes as one list. A detector
    /// that cannot work from aggregates is given the window's changes as records.
    /// </summary>
    public static IReadOnlyList<Pattern> Run(
        EventBatch batch, HomeProfile home, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IPatternDetector> detectors)
    {
        var context = new DetectionContext([], home, from, to)
        {
            Aggregates = IncrementalAnalysis.ByKind(Aggregate(batch, home, from, to, detectors)),
        };
        return IncrementalAnalysis.Detect(context, () => new DetectionContext(batch.Slice(from, to), home, from, to), detectors);
    }
}
