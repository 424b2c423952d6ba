using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

/// <summary>Detecting from the daily aggregates of every day of a window finds exactly what detecting from its raw events finds.</summary>
public sealed class AggregateEquivalenceTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Theory]
    [InlineData(1, "2026-03-10T00:00:00+01:00")]
    [InlineData(7, "2026-10-05T00:00:00+02:00")]
    [InlineData(42, "2026-01-05T00:00:00+01:00")]
    [InlineData(2024, "2026-03-15T13:17:00+01:00")]
    public void Simulated_30_days_give_the_same_patterns_from_daily_aggregates(int seed, string start)
    {
        var home = SimulatedHome.Create(seed);
        var from = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var to = from.AddDays(30);
        var events = new HistoryGenerator(home).Generate(from, 30).ToList();

        var found = AggregateEquality.AssertSame(events, home.Profile, from, to);

        Assert.NotEmpty(found[TimeOfDayDetector.TypeName]);
        Assert.NotEmpty(found[CoOccurrenceDetector.TypeName]);
        Assert.NotEmpty(found[SequenceDetector.TypeName]);
        Assert.NotEmpty(found[RoomDetector.TypeName]);
        Assert.NotEmpty(found[DurationDetector.TypeName]);
    }

    [Fact]
    public void Aggregates_are_much_smaller_than_the_raw_events()
    {
        var home = SimulatedHome.Create(3);
        var from = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1));
        var events = new HistoryGenerator(home).Generate(from, 10).ToList();
        var rawBytes = events.Sum(e => 40 + e.EntityId.Length + e.State.Length + (e.OldState?.Length ?? 0) + (e.Area?.Length ?? 0));

        var aggregateBytes = IncrementalAnalysis.Aggregate(events, home.Profile, AggregateEquality.AllDetectors())
            .Sum(a => DailyAggregateCodec.Encode(a).Length);

        Assert.True(aggregateBytes * 4 < rawBytes, $"aggregates {aggregateBytes} bytes, raw events at least {rawBytes} bytes");
    }

    [Fact]
    public void A_routine_straddling_midnight_is_the_same_from_aggregates()
    {
        var home = new HomeEvents("Europe/Berlin");
        foreach (var (date, k) in HomeEvents.Days(Start, Start.AddDays(21)).Select((d, k) => (d, k)))
        {
            home.Manual(date, 1440 - 12 + (k % 5 * 5), "light.hall", "on", "off");
            home.Manual(date.AddDays(1), 20 + (k % 3), "light.hall", "off", "on");
        }

        var (from, to) = Window(home, Start, Start.AddDays(22));
        var found = AggregateEquality.AssertSame(home.Events, home.Home, from, to);

        Assert.Contains(found[TimeOfDayDetector.TypeName], p => p.States[0] == "on" && ((TimeOfDayDetails)p.Details).LocalMinuteOfDay is > 1420 or < 10);
    }

    [Fact]
    public void A_routine_across_the_spring_DST_change_is_the_same_from_aggregates()
    {
        var home = new HomeEvents("Europe/Berlin");
        var first = new DateOnly(2026, 3, 15);
        foreach (var date in HomeEvents.Days(first, first.AddDays(28)))
        {
            home.Manual(date, 7 * 60 + 2, "light.kitchen", "on", "off");
            home.Manual(date, 7 * 60 + 40, "light.kitchen", "off", "on");
            home.Manual(date, 2 * 60 + 30, "switch.pump", "on", "off");
            home.Manual(date, 3 * 60 + 10, "switch.pump", "off", "on");
        }

        var (from, to) = Window(home, first, first.AddDays(28));
        var found = AggregateEquality.AssertSame(home.Events, home.Home, from, to);

        Assert.Contains(found[TimeOfDayDetector.TypeName], p => p.Entities[0] == "light.kitchen" && ((TimeOfDayDetails)p.Details).LocalMinuteOfDay == 7 * 60 + 2);
        Assert.Contains(found[DurationDetector.TypeName], p => p.Entities[0] == "light.kitchen" && ((DurationDetails)p.Details).MedianDurationSeconds == 38 * 60);
    }

    [Fact]
    public void An_on_period_crossing_midnight_keeps_its_length_from_aggregates()
    {
        var home = new HomeEvents("Europe/Berlin");
        foreach (var date in HomeEvents.Days(Start, Start.AddDays(14)))
        {
            home.Manual(date, 23 * 60 + 30, "light.bedroom", "on", "off");
            home.ByAutomation(date.AddDays(1), 30, "light.bedroom", "off", "on");
        }

        var (from, to) = Window(home, Start, Start.AddDays(15));
        var found = AggregateEquality.AssertSame(home.Events, home.Home, from, to);

        var duration = Assert.Single(found[DurationDetector.TypeName]);
        Assert.Equal(3600, ((DurationDetails)duration.Details).MedianDurationSeconds);
    }

    [Fact]
    public void A_co_occurrence_pair_straddling_midnight_is_counted_from_aggregates()
    {
        var home = new HomeEvents("Europe/Berlin");
        foreach (var date in HomeEvents.Days(Start, Start.AddDays(12)))
        {
            home.Manual(date, 1440 - 0.5, "binary_sensor.hall_door", "on", "off");
            home.Manual(date.AddDays(1), 0.5, "light.hall", "on", "off");
            home.ByAutomation(date.AddDays(1), 5, "binary_sensor.hall_door", "off", "on");
            home.ByAutomation(date.AddDays(1), 6, "light.hall", "off", "on");
            home.Manual(date.AddDays(1), 13 * 60, "switch.fan", "on", "off");
            home.Manual(date.AddDays(1), 13 * 60 + 50, "switch.fan", "off", "on");
        }

        var (from, to) = Window(home, Start, Start.AddDays(13));
        var found = AggregateEquality.AssertSame(home.Events, home.Home, from, to);

        var pair = Assert.Single(found[CoOccurrenceDetector.TypeName], p => p.Entities[0] == "binary_sensor.hall_door");
        Assert.Equal("light.hall", pair.Entities[1]);
        Assert.Equal(12, pair.Occurrences);
    }

    [Fact]
    public void Anomalies_and_repeats_across_midnight_are_the_same_from_aggregates()
    {
        var home = new HomeEvents("Europe/Berlin");
        foreach (var (date, k) in HomeEvents.Days(Start, Start.AddDays(25)).Select((d, k) => (d, k)))
        {
            home.Manual(date, 19 * 60 + k % 7, "light.living", "on", "off");
            home.Manual(date, 19 * 60 + 30 + k % 5, "light.living", "off", "on");

            // The same state again after midnight (a repeat to drop) and a restore after unavailable (not human).
            home.Manual(date, 22 * 60, "switch.tv", "on", "off");
            home.Add(home.At(date.AddDays(1), 1), "switch.tv", "on", null, null, null);
            home.Add(home.At(date.AddDays(1), 2), "switch.tv", "unavailable", "on", null, null);
            home.Add(home.At(date.AddDays(1), 3), "switch.tv", "off", null, null, null);
        }

        home.Manual(Start.AddDays(20), 3 * 60 + 10, "light.living", "on", "off");
        home.Manual(Start.AddDays(21), 19 * 60 + 2, "light.living", "on", "off");
        home.Manual(Start.AddDays(21), 23 * 60 + 50, "light.living", "off", "on");

        var (from, to) = Window(home, Start, Start.AddDays(26));
        var found = AggregateEquality.AssertSame(home.Events.OrderBy(e => e.Time).ToList(), home.Home, from, to);

        Assert.Contains(found[AnomalyDetector.TypeName], p => ((AnomalyDetails)p.Details).Kind == AnomalyDetails.UnusualHour);
        Assert.Contains(found[AnomalyDetector.TypeName], p => ((AnomalyDetails)p.Details).Kind == AnomalyDetails.LongOnTime);
    }

    [Fact]
    public void A_window_that_starts_and_ends_within_days_is_the_same_from_its_partial_days()
    {
        var home = SimulatedHome.Create(11);
        var from = new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.FromHours(1));
        var events = new HistoryGenerator(home).Generate(from, 16).ToList();
        var windowFrom = from.AddHours(9.5);
        var windowTo = from.AddDays(15).AddHours(17.25);

        AggregateEquality.AssertSame(events.Where(e => e.Time >= windowFrom && e.Time < windowTo).ToList(), home.Profile, windowFrom, windowTo);
    }

    [Fact]
    public void Out_of_order_and_duplicated_events_are_the_same_from_aggregates()
    {
        var home = SimulatedHome.Create(5);
        var from = new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.FromHours(1));
        var events = new HistoryGenerator(home).Generate(from, 14).ToList();
        var shuffled = new List<StateChange>(events.Count + events.Count / 50);
        for (var i = 0; i < events.Count; i += 7)
        {
            var chunk = events.Skip(i).Take(7).ToList();
            chunk.Reverse();
            shuffled.AddRange(chunk);
            if (i % 350 == 0)
            {
                shuffled.Add(chunk[0]);
            }
        }

        AggregateEquality.AssertSame(shuffled, home.Profile, from, from.AddDays(14));
    }

    private static (DateTimeOffset From, DateTimeOffset To) Window(HomeEvents home, DateOnly from, DateOnly to) =>
        (home.Home.Calendar.StartOfDay(from), home.Home.Calendar.StartOfDay(to));
}
