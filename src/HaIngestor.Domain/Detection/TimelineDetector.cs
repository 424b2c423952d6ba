using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// A Group A detector that reads the days' timelines (<see cref="TimelineDay"/>): every such detector aggregates a day
/// the same way and shares the stored aggregate, so only what it finds in the timelines is its own.
/// </summary>
public abstract class TimelineDetector : IAggregatingDetector
{
    public abstract string Name { get; }

    public DetectorGroup Group => DetectorGroup.A;

    public string AggregateKind => TimelineDay.KindName;

    /// <summary>Empty: a timeline depends on no setting, so no setting change rebuilds one.</summary>
    public string AggregationSettings => string.Empty;

    public IDayFold StartDay(DateOnly date, HomeProfile home) => new TimelineDayFold(date);

    public IReadOnlyList<Pattern> Detect(DetectionContext context) => DetectFromAggregates(AggregateWindow.Of(this, context));

    public abstract IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates);
}
