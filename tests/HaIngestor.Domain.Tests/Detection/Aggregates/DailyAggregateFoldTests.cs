using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

/// <summary>
/// The daily aggregates the detectors make, one local day at a time and streamed through
/// <see cref="DailyAggregator"/> as <c>analyze</c> streams a file, encode to exactly the bytes of the plain
/// reference (<see cref="ReferenceDailyAggregates"/>).
/// </summary>
public sealed class DailyAggregateFoldTests
{
    private static readonly IReadOnlyList<string> IgnoredDomains = new TimeOfDaySettings().IgnoredDomains;

    [Theory]
    [InlineData(1, "2026-03-26T00:00:00+01:00", 5, "2026-03-29")]
    [InlineData(8, "2026-10-23T00:00:00+02:00", 4, "2026-10-25")]
    [InlineData(42, "2026-01-05T00:00:00+01:00", 3, "2026-01-06")]
    public void Simulated_days_encode_to_the_bytes_of_the_reference(int seed, string start, int days, string mustHave)
    {
        var home = SimulatedHome.Create(seed);
        var events = new HistoryGenerator(home).Generate(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days).ToList();
        var localDays = LocalDays.Split(events, home.Profile.Calendar);

        var expected = Reference(localDays, home.Profile);

        Assert.Contains(localDays, d => d.Date == DateOnly.Parse(mustHave, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(expected, e => e.Kind == TimelineDay.KindName && e.Bytes.Length > 1000);
        Assert.Contains(expected, e => e.Kind == TimeOfDayDay.KindName && e.Bytes.Length > 1000);
        AssertSameBytes(expected, Encoded(Streamed(events, home.Profile)));
        AssertSameBytes(expected, Encoded(IncrementalAnalysis.Aggregate(events, home.Profile, DetectorCatalog.CreateAll())));
    }

    [Theory]
    [InlineData(1, "2026-03-29")]
    [InlineData(2, "2026-10-25")]
    [InlineData(3, "2026-06-10")]
    [InlineData(4, "2026-03-29")]
    [InlineData(5, "2026-10-25")]
    public void Days_of_every_kind_of_change_in_any_order_encode_to_the_bytes_of_the_reference(int seed, string date)
    {
        var home = HomeProfile.ForTimeZone("Europe/Berlin");
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<StateChange>();
        var random = new Random(seed);
        foreach (var d in new[] { day, day.AddDays(1) })
        {
            events.AddRange(MixedDay(random, home.Calendar, d, 3_000));
        }

        var localDays = LocalDays.Split(events, home.Calendar);
        var expected = Reference(localDays, home);

        Assert.Equal(2, localDays.Count);
        Assert.Contains(expected, e => e.Kind == TimelineDay.KindName && e.Bytes.Length > 1000);
        Assert.Contains(expected, e => e.Kind == TimeOfDayDay.KindName && e.Bytes.Length > 1000);
        AssertSameBytes(expected, Encoded(Streamed(events, home)));
        AssertSameBytes(expected, Encoded(localDays.SelectMany(d => AggregateEquality.AllDetectors().Select(a => a.Aggregate(d, home)))
            .DistinctBy(a => (a.Kind, a.Date))));
    }

    [Fact]
    public void An_empty_day_encodes_to_the_bytes_of_the_reference()
    {
        var home = HomeProfile.ForTimeZone("UTC");
        var empty = new LocalDay(new DateOnly(2026, 5, 1), []);

        AssertSameBytes(
            Reference([empty], home),
            Encoded(AggregateEquality.AllDetectors().Select(a => a.Aggregate(empty, home)).DistinctBy(a => a.Kind)));
    }

    /// <summary>
    /// A day of changes drawn from every case the aggregates tell apart — measurements, dates, placeholders,
    /// activation and ignored domains, attribute-only changes, areas, origins, ties, repeats — in random order,
    /// each string a fresh instance so nothing can lean on shared references.
    /// </summary>
    private static IEnumerable<StateChange> MixedDay(Random random, HomeCalendar calendar, DateOnly date, int count)
    {
        string[] entities =
        [
            "light.kitchen", "light.hall", "switch.pump", "binary_sensor.door", "sensor.temperature", "sensor.power",
            "scene.evening", "button.bell", "sun.sun", "weather.home", "update.core", "automation.night", "media_player.tv",
            "cover.blind", "climate.living", "lock.front", "nodot", "sun", ".leading", "Light.kitchen", "light.Kitchen", "light.kitchen_2",
        ];
        string[] states =
        [
            "on", "off", "open", "closed", "playing", "idle", "heat", "locked", "unlocked", "unavailable", "unknown", "",
            "21.5", "-3", "+4", ".5", "1e3", "0", "12", "NaN", "2026-03-29T10:00:00+00:00", "2026-03-29",
            new string('x', 64), new string('y', 65), "7 days", "-", "auto", "On", "OFF", "on ",
        ];
        string?[] areas = [null, "", "kitchen", "hall", "living room"];
        var (start, end) = LocalDays.Bounds(date, calendar);
        var span = (end - start).Ticks;
        var times = new List<long>();
        var changes = new List<StateChange>();
        for (var i = 0; i < count; i++)
        {
            var time = times.Count > 0 && random.Next(8) == 0 ? times[random.Next(times.Count)] : start.UtcTicks + random.NextInt64(span);
            times.Add(time);
            var state = Fresh(states[random.Next(states.Length)]);
            var oldState = random.Next(6) switch
            {
                0 => null,
                1 => Fresh(state),
                _ => Fresh(states[random.Next(states.Length)]),
            };
            changes.Add(new StateChange(
                new DateTimeOffset(time, TimeSpan.Zero),
                Fresh(entities[random.Next(entities.Length)]),
                state,
                oldState,
                areas[random.Next(areas.Length)] is { } area ? Fresh(area) : null,
                (Origin)random.Next(3)));
            if (random.Next(50) == 0)
            {
                changes.Add(changes[^1]);
            }
        }

        // Mostly in time order, with stretches reversed, as files out of order come.
        changes.Sort((a, b) => a.Time.CompareTo(b.Time));
        for (var i = 0; i + 10 < changes.Count; i += 10 + random.Next(40))
        {
            if (random.Next(3) == 0)
            {
                changes.Reverse(i, 10);
            }
        }

        return changes;
    }

    private static string Fresh(string value) => new(value.AsSpan());

    private static IReadOnlyList<DailyAggregate> Streamed(IReadOnlyList<StateChange> events, HomeProfile home)
    {
        var aggregator = new DailyAggregator(home, DetectorCatalog.CreateAll());
        foreach (var change in events)
        {
            aggregator.Add(change);
        }

        var aggregates = aggregator.Complete();
        Assert.Equal(0, aggregator.LateEvents);
        return aggregates;
    }

    private static List<(string Kind, DateOnly Date, byte[] Bytes)> Reference(IReadOnlyList<LocalDay> days, HomeProfile home) =>
        days.SelectMany(d => new DailyAggregate[] { ReferenceDailyAggregates.Timeline(d), ReferenceDailyAggregates.TimeOfDay(d, home, IgnoredDomains) })
            .Select(a => (a.Kind, a.Date, DailyAggregateCodec.Encode(a)))
            .OrderBy(a => a.Kind, StringComparer.Ordinal)
            .ThenBy(a => a.Date)
            .ToList();

    private static List<(string Kind, DateOnly Date, byte[] Bytes)> Encoded(IEnumerable<DailyAggregate> aggregates) =>
        aggregates
            .Select(a => (a.Kind, a.Date, DailyAggregateCodec.Encode(a)))
            .OrderBy(a => a.Kind, StringComparer.Ordinal)
            .ThenBy(a => a.Date)
            .ToList();

    private static void AssertSameBytes(List<(string Kind, DateOnly Date, byte[] Bytes)> expected, List<(string Kind, DateOnly Date, byte[] Bytes)> actual)
    {
        Assert.Equal(expected.Select(e => (e.Kind, e.Date)), actual.Select(a => (a.Kind, a.Date)));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.True(e.Bytes.AsSpan().SequenceEqual(a.Bytes), $"{e.Kind} of {e.Date:yyyy-MM-dd}: {a.Bytes.Length} bytes differ from the reference's {e.Bytes.Length}");
        }
    }
}
