using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Tests.Json;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

/// <summary>Detection over raw events versus over daily aggregates made day by day, as the daily run makes them.</summary>
internal static class AggregateEquality
{
    public static IReadOnlyList<IAggregatingDetector> AllDetectors() =>
    [
        new TimeOfDayDetector(), new CoOccurrenceDetector(), new SequenceDetector(),
        new RoomDetector(), new DurationDetector(), new AnomalyDetector(),
    ];

    /// <summary>The patterns as their JSON lines, so that lists and details compare by value.</summary>
    public static string Json(IEnumerable<Pattern> patterns) =>
        string.Join('\n', patterns.Select(p => JsonRoundTrip.Write(PatternJson.Write, p)));

    /// <summary>
    /// Each local day of the window read on its own (as from L1), aggregated, encoded and decoded (as through L2),
    /// then detected from.
    /// </summary>
    public static IReadOnlyList<Pattern> FromDailyAggregates(
        IAggregatingDetector detector, IReadOnlyList<StateChange> events, HomeProfile home, DateTimeOffset from, DateTimeOffset to) =>
        detector.DetectFromAggregates(new AggregateWindow(StoredDays(detector, events, home, from, to), home, from, to));

    public static List<DailyAggregate> StoredDays(
        IAggregatingDetector detector, IReadOnlyList<StateChange> events, HomeProfile home, DateTimeOffset from, DateTimeOffset to)
    {
        var calendar = home.Calendar;
        var days = new List<DailyAggregate>();
        foreach (var date in calendar.DatesBetween(from, to))
        {
            var (start, end) = LocalDays.Bounds(date, calendar);
            start = start < from ? from : start;
            end = end > to ? to : end;
            var slice = events.Where(e => e.Time >= start && e.Time < end).ToList();
            days.Add(RoundTrip(detector.Aggregate(new LocalDay(date, slice), home)));
        }

        return days;
    }

    public static DailyAggregate RoundTrip(DailyAggregate aggregate)
    {
        var payload = DailyAggregateCodec.Encode(aggregate);
        Assert.True(DailyAggregateCodec.TryDecode(aggregate.Kind, aggregate.Date, payload, out var decoded, out var error), error);
        return decoded;
    }

    /// <summary>Asserts that every detector finds the same patterns both ways; returns the raw patterns by detector.</summary>
    public static Dictionary<string, IReadOnlyList<Pattern>> AssertSame(
        IReadOnlyList<StateChange> events, HomeProfile home, DateTimeOffset from, DateTimeOffset to)
    {
        var context = new DetectionContext(events, home, from, to);
        var found = new Dictionary<string, IReadOnlyList<Pattern>>();
        foreach (var detector in AllDetectors())
        {
            var raw = detector.Detect(context);
            var aggregated = FromDailyAggregates(detector, events, home, from, to);
            Assert.Equal(Json(raw), Json(aggregated));
            found[detector.Name] = raw;
        }

        return found;
    }
}
