using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using static HaIngestor.Domain.Tests.Detection.Activity;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class DurationDetectorTests
{
    private const string Bathroom = "light.bathroom";

    private static IEnumerable<StateChange> Showers(Random random, IEnumerable<DateOnly> days, Func<DateTimeOffset, string, string, StateChange>? on = null, Func<DateTimeOffset, string, string, StateChange>? off = null)
    {
        on ??= (t, e, s) => Human(t, e, s);
        off ??= (t, e, s) => Human(t, e, s);
        foreach (var day in days)
        {
            var start = At(day, 6 + (random.NextDouble() * 3));
            yield return on(start, Bathroom, "on");
            yield return off(start.AddSeconds(720 + ((random.NextDouble() - 0.5) * 120)), Bathroom, "off");
        }
    }

    [Fact]
    public void Planted_on_time_is_found_with_its_median_and_quartiles()
    {
        var random = new Random(1);
        var noise = RandomToggles(random, "light.desk", Days(20), 8).Concat(RandomToggles(random, "cover.living", Days(20), 4, "open", "closed"));

        var patterns = new DurationDetector().Detect(Context(Showers(random, Days(20)).Concat(noise)));

        var pattern = Assert.Single(patterns);
        var details = Assert.IsType<DurationDetails>(pattern.Details);
        Assert.Equal([Bathroom], pattern.Entities);
        Assert.Equal(["on"], pattern.States);
        Assert.Equal(20, pattern.Occurrences);
        Assert.Equal(Days(20), pattern.EvidenceDates);
        Assert.InRange(details.MedianDurationSeconds, 690, 750);
        Assert.InRange(details.P25DurationSeconds, 650, details.MedianDurationSeconds);
        Assert.InRange(details.P75DurationSeconds, details.MedianDurationSeconds, 790);
        Assert.InRange(pattern.Confidence, 0.7, 1);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(22)]
    [InlineData(32)]
    public void Randomly_toggled_devices_have_no_typical_on_time(int seed)
    {
        var random = new Random(seed);
        var events = new[] { "light.desk", "switch.kettle", "fan.bedroom", "light.hall" }.SelectMany(e => RandomToggles(random, e, Days(30), 8));

        var patterns = new DurationDetector().Detect(Context(events));

        Assert.True(patterns.Count == 0, string.Join("; ", patterns.Select(p => $"{p.Entities[0]} {p.Confidence} {p.Details}")));
    }

    [Fact]
    public void On_times_started_by_an_automation_are_not_reported()
    {
        var events = Showers(new Random(3), Days(20), on: (t, e, s) => Automated(t, e, s));

        Assert.Empty(new DurationDetector().Detect(Context(events)));
    }

    [Fact]
    public void An_automation_switching_off_still_ends_a_human_on_time()
    {
        var events = Showers(new Random(4), Days(20), off: (t, e, s) => Automated(t, e, s));

        var details = Assert.IsType<DurationDetails>(Assert.Single(new DurationDetector().Detect(Context(events))).Details);
        Assert.InRange(details.MedianDurationSeconds, 690, 750);
    }

    [Fact]
    public void Unavailable_in_between_leaves_the_end_unknown()
    {
        var events = new List<StateChange>();
        foreach (var day in Days(20))
        {
            events.Add(Human(At(day, 20), Bathroom, "on", "off"));
            events.Add(new StateChange(At(day, 20.1), Bathroom, "unavailable", "on", Origin: Origin.System));
            events.Add(new StateChange(At(day, 21), Bathroom, "off", "unavailable", Origin: Origin.System));
        }

        Assert.Empty(new DurationDetector().Detect(Context(events)));
    }

    [Fact]
    public void Periods_longer_than_the_cap_are_ignored()
    {
        var events = Days(20).Where((_, i) => i % 3 == 0)
            .SelectMany(day => new[] { Human(At(day, 8), Bathroom, "on"), Human(At(day, 8 + 30), Bathroom, "off") });

        Assert.Empty(new DurationDetector().Detect(Context(events)));
    }

    [Fact]
    public void Midnight_straddling_on_time_across_the_DST_change_is_elapsed_time_dated_by_its_start()
    {
        var days = Days(14, new DateOnly(2025, 10, 19)).ToList();
        var events = days.SelectMany(day => new[]
        {
            Human(At(day, 23.5), "light.bedroom", "on"),
            Human(At(day, 23.5).AddMinutes(45), "light.bedroom", "off"),
        });

        var pattern = Assert.Single(new DurationDetector().Detect(Context(events)));
        var details = Assert.IsType<DurationDetails>(pattern.Details);

        Assert.Equal(2700, details.MedianDurationSeconds);
        Assert.Equal(2700, details.P25DurationSeconds);
        Assert.Equal(2700, details.P75DurationSeconds);
        Assert.Equal(days, pattern.EvidenceDates);
        Assert.Equal(14.0 / 16.5, pattern.Confidence, 3);
    }

    [Fact]
    public void A_weekend_chore_seen_on_eight_days_has_a_typical_on_time()
    {
        var random = new Random(8);
        var weekends = Days(28).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        var events = weekends.SelectMany(day =>
        {
            var on = At(day, 10 + (random.NextDouble() / 3));
            return new[] { Human(on, "switch.washer", "on"), Human(on.AddMinutes(95 + (random.NextDouble() * 10)), "switch.washer", "off") };
        });

        var pattern = Assert.Single(new DurationDetector().Detect(Context(events)));

        Assert.Equal(8, pattern.Occurrences);
        Assert.InRange(Assert.IsType<DurationDetails>(pattern.Details).MedianDurationSeconds, 95 * 60, 105 * 60);
        Assert.InRange(pattern.Confidence, 0.6, 0.8);
    }

    [Fact]
    public void Night_on_time_spanning_the_clock_change_is_measured_in_real_hours()
    {
        var dstEnd = new DateOnly(2025, 10, 26);
        var events = new[] { Human(At(dstEnd, 1), "switch.dehumidifier", "on"), Human(At(dstEnd, 4), "switch.dehumidifier", "off") };
        var detector = new DurationDetector(new DurationSettings(MinPeriods: 1, MinDays: 1, MinConfidence: 0));

        var pattern = Assert.Single(detector.Detect(Context(events)));

        Assert.Equal(4 * 3600, Assert.IsType<DurationDetails>(pattern.Details).MedianDurationSeconds);
        Assert.Equal([dstEnd], pattern.EvidenceDates);
    }
}
