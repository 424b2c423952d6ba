using System.Globalization;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Human actions far outside an entity's own history: an activation at a local hour it (almost) never
/// happens at, or an on-time far longer than usual. One pattern per unusual local hour or on-time.
/// </summary>
/// <remarks>
/// Every day is judged against the other days only (leave-one-day-out), so a day cannot make its own
/// oddities look normal; with fewer than <see cref="AnomalySettings.MinHistoryDays"/> other days or
/// <see cref="AnomalySettings.MinHistoryEvents"/> other events nothing is judged.
/// <list type="bullet">
/// <item>Unusual hour (activations only, not off-like states): p = (events of the other days within
/// ±w local hours, circular, + band/24) / (their events + 1), where w is
/// <see cref="AnomalySettings.HourBandHalfWidth"/> or, when larger, the circular standard deviation of the other
/// days' times in hours (a widely spread history leaves no hour unusual by chance);
/// unusual when p &lt; <see cref="AnomalySettings.MaxHourProbability"/>; <c>confidence</c> = 1 − p / (2 · max).</item>
/// <item>Long on-time: on log durations (human on-times are skewed; a linear MAD would flag the tail of
/// any scattered device), z = (ln d − median) / max(MAD, floor); unusual when z &gt;
/// <see cref="AnomalySettings.DurationMadFactor"/> and d ≥ <see cref="AnomalySettings.MinUnusualDurationSeconds"/>;
/// <c>confidence</c> = 1 − k / (2z). It must also be longer than every usual on-time of the other days (those
/// within that bound) by e^(k·floor), so that a sparse tail of ordinary long uses, which widens the MAD bound to
/// somewhere inside it, does not make its own longest members look unusual. When more than <see cref="AnomalySettings.MaxLongShare"/> of the history
/// is itself beyond that bound, the history has a long mode of its own and z = (ln d − ln longest) / floor:
/// only an on-time well past every one seen before is unusual.</item>
/// </list>
/// Both confidences are 0.5 at the threshold and approach 1 far beyond it.
/// </remarks>
public sealed class AnomalyDetector(AnomalySettings settings) : TimelineDetector
{
    public const string TypeName = "anomaly";

    private const double RadiansPerMinute = 2 * Math.PI / (24 * 60);

    public AnomalyDetector()
        : this(new AnomalySettings())
    {
    }

    public override string Name => TypeName;

    public AnomalySettings Settings { get; } = settings;

    public override IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates)
    {
        var timeline = ActivityTimeline.Build(aggregates, Settings.MaxStatesPerEntity);
        var patterns = new List<Pattern>();
        var byItem = timeline.HumanEventsByItem();
        for (var item = 0; item < byItem.Length; item++)
        {
            if (!timeline.IsOffLike(timeline.ItemState[item]))
            {
                UnusualHours(timeline, item, byItem[item], patterns);
            }
        }

        var periods = OnPeriods.Find(timeline, Settings.MaxOnTimeSeconds);
        for (var item = 0; item < periods.Length; item++)
        {
            if (periods[item] is { } list)
            {
                LongOnTimes(timeline, item, list, patterns);
            }
        }

        return patterns.OrderBy(p => ((AnomalyDetails)p.Details).Date).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private void UnusualHours(ActivityTimeline timeline, int item, int[] events, List<Pattern> patterns)
    {
        var hourOf = events.Select(e => (int)(timeline.Minute[e] / 60)).ToArray();
        var histogram = new int[24];
        foreach (var hour in hourOf)
        {
            histogram[hour]++;
        }

        var itemDays = events.Select(e => timeline.Day[e]).Distinct().Count();
        double sin = 0, cos = 0;
        foreach (var e in events)
        {
            sin += Math.Sin(timeline.Minute[e] * RadiansPerMinute);
            cos += Math.Cos(timeline.Minute[e] * RadiansPerMinute);
        }

        foreach (var dayEvents in Enumerable.Range(0, events.Length).GroupBy(k => timeline.Day[events[k]]))
        {
            var dayHistogram = new int[24];
            double daySin = 0, dayCos = 0;
            foreach (var k in dayEvents)
            {
                dayHistogram[hourOf[k]]++;
                daySin += Math.Sin(timeline.Minute[events[k]] * RadiansPerMinute);
                dayCos += Math.Cos(timeline.Minute[events[k]] * RadiansPerMinute);
            }

            var otherEvents = events.Length - dayEvents.Count();
            if (itemDays - 1 < Settings.MinHistoryDays || otherEvents < Settings.MinHistoryEvents)
            {
                continue;
            }

            var width = BandHalfWidth(sin - daySin, cos - dayCos, otherEvents);
            var bandShare = ((2 * width) + 1) / 24.0;
            foreach (var atHour in dayEvents.GroupBy(k => hourOf[k]))
            {
                var band = 0;
                for (var offset = -width; offset <= width; offset++)
                {
                    var h = (atHour.Key + offset + 24) % 24;
                    band += histogram[h] - dayHistogram[h];
                }

                var p = (band + bandShare) / (otherEvents + 1);
                if (p >= Settings.MaxHourProbability)
                {
                    continue;
                }

                var first = events[atHour.First()];
                var entity = timeline.EntityName(timeline.ItemEntity[item]);
                var state = timeline.StateName(timeline.ItemState[item]);
                var description = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{entity} went '{state}' at {Clock(timeline.Minute[first])} local time; on {itemDays - 1} other days it went '{state}' {band} of {otherEvents} times between {Clock(((atHour.Key - width + 24) % 24) * 60)} and {Clock(((atHour.Key + width + 1) % 24) * 60)}.");
                patterns.Add(Anomaly(
                    timeline, item, timeline.Day[first], AnomalyDetails.UnusualHour, atHour.Key.ToString("00", CultureInfo.InvariantCulture),
                    atHour.Count(), 1 - (p / (2 * Settings.MaxHourProbability)), description));
            }
        }
    }

    /// <summary>
    /// Hours either side that count as "the same time of day": the configured band, widened to the circular
    /// standard deviation of the history's times. An entity used all over the day (a remote pressed at random
    /// between 08:00 and 23:30) has no empty band after a fortnight by chance alone, one used at one time of
    /// day (a lamp at 19:30) does.
    /// </summary>
    private int BandHalfWidth(double sin, double cos, int count)
    {
        var length = Math.Sqrt((sin * sin) + (cos * cos)) / count;
        var spreadHours = length <= 1e-12 ? 12 : length >= 1 ? 0 : Math.Sqrt(-2 * Math.Log(length)) / RadiansPerMinute / 60;
        return Math.Clamp((int)Math.Ceiling(spreadHours), Settings.HourBandHalfWidth, 11);
    }

    private void LongOnTimes(ActivityTimeline timeline, int item, List<OnPeriod> periods, List<Pattern> patterns)
    {
        var candidateDays = periods.Where(p => p.Seconds >= Settings.MinUnusualDurationSeconds).Select(p => timeline.Day[p.Start]).Distinct().ToList();
        if (candidateDays.Count == 0)
        {
            return;
        }

        var k = Settings.DurationMadFactor;
        var byLog = periods.Select(p => (Log: Math.Log(p.Seconds), Day: timeline.Day[p.Start])).OrderBy(p => p.Log).ToArray();
        var daysOfItem = byLog.Select(p => p.Day).Distinct().Count();
        var logs = new double[byLog.Length];
        foreach (var day in candidateDays)
        {
            var count = 0;
            foreach (var (log, periodDay) in byLog)
            {
                if (periodDay != day)
                {
                    logs[count++] = log;
                }
            }

            var otherDays = daysOfItem - 1;
            if (otherDays < Settings.MinHistoryDays || count < Settings.MinHistoryEvents)
            {
                continue;
            }

            var others = logs.AsSpan(0, count);
            var median = Quantiles.Median(others);
            var scale = Math.Max(Quantiles.MedianAbsoluteDeviation(others, median), Settings.MinLogDurationScale);
            var bound = median + (k * scale);
            var beyond = 0;
            foreach (var log in others)
            {
                beyond += log > bound ? 1 : 0;
            }

            // Sorted ascending, so the last of the others is the longest and the one before the first beyond the bound the longest usual one.
            var longMode = beyond > Settings.MaxLongShare * count;
            var (reference, referenceScale) = longMode ? (others[^1], Settings.MinLogDurationScale) : (median, scale);
            var longestUsual = others[count - beyond - 1];
            foreach (var period in periods.Where(p => timeline.Day[p.Start] == day && p.Seconds >= Settings.MinUnusualDurationSeconds))
            {
                var log = Math.Log(period.Seconds);
                var z = (log - reference) / referenceScale;
                if (z <= k || log - longestUsual <= k * Settings.MinLogDurationScale)
                {
                    continue;
                }

                var entity = timeline.EntityName(timeline.ItemEntity[item]);
                var state = timeline.StateName(timeline.ItemState[item]);
                var start = Clock(timeline.Minute[period.Start]);
                var usual = longMode
                    ? $"the longest of its {count} on-times on {otherDays} other days was {Span(Math.Exp(reference))}."
                    : $"on {otherDays} other days it usually stays '{state}' for {Span(Math.Exp(median))} (median), {Span(Math.Exp(bound))} at most expected.";
                var description = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{entity} stayed '{state}' for {Span(period.Seconds)} from {start} local time; {usual}");
                patterns.Add(Anomaly(timeline, item, day, AnomalyDetails.LongOnTime, start, 1, 1 - (k / (2 * z)), description));
            }
        }
    }

    private static Pattern Anomaly(ActivityTimeline timeline, int item, int day, string kind, string when, int occurrences, double confidence, string description)
    {
        var entity = timeline.EntityName(timeline.ItemEntity[item]);
        var state = timeline.StateName(timeline.ItemState[item]);
        var date = ActivityTimeline.Date(day);
        var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Pattern(
            StableId.PatternId(TypeName, entity, state, kind, dateText, when),
            TypeName,
            [entity],
            [state],
            occurrences,
            Math.Round(confidence, 4),
            [date],
            new AnomalyDetails(date, kind, description));
    }

    private static string Clock(double minuteOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)minuteOfDay / 60:00}:{(int)minuteOfDay % 60:00}");

    private static string Span(double seconds)
    {
        var minutes = (int)Math.Round(seconds / 60);
        return minutes switch
        {
            < 1 => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(seconds)} s"),
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes} min"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60} min"),
        };
    }
}
