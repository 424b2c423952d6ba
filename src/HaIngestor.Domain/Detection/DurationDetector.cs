using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// The typical on-time per entity and on-like state: how long a light stays on, a door open, a player
/// playing after a person started it (periods from <see cref="OnPeriods"/>, measured in elapsed time, so a
/// DST change or midnight in between does not distort them).
/// </summary>
/// <remarks>
/// <c>confidence</c> = max(0, 1 − IQR / (2 × median)) × n / (n + MinPeriods / 2): near 1 for many alike
/// on-times, 0.75 when the quartiles lie ±25 % around the median, about 0.2 for exponentially scattered
/// ones (IQR ≈ 1.6 × median), lower with few periods — MinPeriods identical on-times score 2/3, so the
/// fewest periods the settings allow can make a typical on-time when they agree (a weekend chore seen on
/// eight days in a month is one). Below <see cref="DurationSettings.MinConfidence"/>
/// an entity has no typical on-time and nothing is reported.
/// <c>occurrences</c> = the number of periods.
/// </remarks>
public sealed class DurationDetector(DurationSettings settings) : TimelineDetector
{
    public const string TypeName = "duration";

    public DurationDetector()
        : this(new DurationSettings())
    {
    }

    public override string Name => TypeName;

    public DurationSettings Settings { get; } = settings;

    public override IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates)
    {
        var timeline = ActivityTimeline.Build(aggregates, Settings.MaxStatesPerEntity);
        var periodsByItem = OnPeriods.Find(timeline, Settings.MaxDurationSeconds);
        var patterns = new List<Pattern>();

        for (var item = 0; item < periodsByItem.Length; item++)
        {
            var periods = periodsByItem[item];
            if (periods is null || periods.Count < Settings.MinPeriods)
            {
                continue;
            }

            var days = EvidenceDates.From(periods.Select(p => timeline.Day[p.Start]));
            if (days.Count < Settings.MinDays)
            {
                continue;
            }

            var durations = periods.Select(p => p.Seconds).Order().ToArray();
            var median = Quantiles.Median(durations);
            var p25 = Quantiles.Of(durations, 0.25);
            var p75 = Quantiles.Of(durations, 0.75);
            var confidence = Math.Max(0, 1 - ((p75 - p25) / (2 * median))) * durations.Length / (durations.Length + (Settings.MinPeriods / 2.0));
            if (confidence < Settings.MinConfidence)
            {
                continue;
            }

            var entity = timeline.EntityName(timeline.ItemEntity[item]);
            var state = timeline.StateName(timeline.ItemState[item]);
            patterns.Add(new Pattern(
                StableId.PatternId(TypeName, entity, state),
                TypeName,
                [entity],
                [state],
                durations.Length,
                Math.Round(confidence, 4),
                days,
                new DurationDetails(Math.Round(median, 1), Math.Round(p25, 1), Math.Round(p75, 1))));
        }

        return patterns.OrderByDescending(p => p.Confidence).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }
}
