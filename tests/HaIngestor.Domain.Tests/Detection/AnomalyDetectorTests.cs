using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using static HaIngestor.Domain.Tests.Detection.Activity;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class AnomalyDetectorTests
{
    private const string Kitchen = "light.kitchen";
    private const string Bathroom = "light.bathroom";

    /// <summary>Kitchen light on around 07:00 for about an hour; bathroom light on around 21:00 for 11..13 minutes.</summary>
    private static List<StateChange> Usual(Random random, IEnumerable<DateOnly> days)
    {
        var events = new List<StateChange>();
        foreach (var day in days)
        {
            var morning = At(day, 6.5 + random.NextDouble());
            events.Add(Human(morning, Kitchen, "on"));
            events.Add(Human(morning.AddMinutes(50 + (random.NextDouble() * 20)), Kitchen, "off"));
            var evening = At(day, 20.5 + random.NextDouble());
            events.Add(Human(evening, Bathroom, "on"));
            events.Add(Human(evening.AddMinutes(11 + (random.NextDouble() * 2)), Bathroom, "off"));
        }

        return events;
    }

    private static AnomalyDetails Details(Pattern pattern) => Assert.IsType<AnomalyDetails>(pattern.Details);

    [Fact]
    public void A_press_late_in_the_evening_is_not_unusual_for_a_remote_pressed_all_day_long()
    {
        // One "on" press a day, spread evenly from 08:00 to 20:30 over a fortnight, then one at 23:00: the hours
        // 21..01 happen to be empty, but a history spread over twelve hours leaves no hour unusual by chance.
        const string remote = "sensor.remote_action";
        var events = Days(15)
            .SelectMany((day, i) => new[] { Human(At(day, 8 + (i * 12.5 / 14)), remote, "on"), Human(At(day, 8.1 + (i * 12.5 / 14)), remote, "off") })
            .ToList();
        events.Add(Human(At(FirstDay.AddDays(15), 23), remote, "on"));

        Assert.Empty(new AnomalyDetector().Detect(Context(events)));
    }

    [Fact]
    public void Light_on_at_three_in_the_night_is_flagged_with_its_local_date()
    {
        var odd = FirstDay.AddDays(15);
        var events = Usual(new Random(1), Days(25));
        events.Add(Human(At(odd, 3.2), Kitchen, "on"));
        events.Add(Human(At(odd, 3.4), Kitchen, "off"));

        var pattern = Assert.Single(new AnomalyDetector().Detect(Context(events)));

        Assert.Equal("anomaly", pattern.Type);
        Assert.Equal([Kitchen], pattern.Entities);
        Assert.Equal(["on"], pattern.States);
        Assert.Equal(1, pattern.Occurrences);
        Assert.Equal([odd], pattern.EvidenceDates);
        Assert.Equal(odd, Details(pattern).Date);
        Assert.Equal(AnomalyDetails.UnusualHour, Details(pattern).Kind);
        Assert.Contains("03:12", Details(pattern).Description);
        Assert.InRange(pattern.Confidence, 0.5, 1);
    }

    [Fact]
    public void Bathroom_light_left_on_for_two_hours_is_flagged()
    {
        var odd = FirstDay.AddDays(12);
        var events = Usual(new Random(2), Days(25)).Where(e => !(e.EntityId == Bathroom && e.State == "off" && Activity.Berlin.Calendar.LocalDate(e.Time) == odd)).ToList();
        var on = events.Single(e => e.EntityId == Bathroom && e.State == "on" && Activity.Berlin.Calendar.LocalDate(e.Time) == odd);
        events.Add(Human(on.Time.AddHours(2), Bathroom, "off"));

        var pattern = Assert.Single(new AnomalyDetector().Detect(Context(events)));

        Assert.Equal([Bathroom], pattern.Entities);
        Assert.Equal(odd, Details(pattern).Date);
        Assert.Equal(AnomalyDetails.LongOnTime, Details(pattern).Kind);
        Assert.Contains("2 h 0 min", Details(pattern).Description);
        Assert.InRange(pattern.Confidence, 0.8, 1);
    }

    [Fact]
    public void A_light_often_left_on_for_a_while_is_no_anomaly_when_it_is_but_one_far_longer_than_ever_is()
    {
        // Most days the bathroom light is on for 12 minutes; on every third day someone reads in the bath for
        // 30..90 minutes. Those long evenings are how the light is used; a whole night is not.
        var random = new Random(4);
        var events = Usual(random, Days(28)).Where(e => e.EntityId == Bathroom).ToList();
        for (var i = 0; i < 28; i += 3)
        {
            var off = events.Single(e => e.State == "off" && Activity.Berlin.Calendar.LocalDate(e.Time) == FirstDay.AddDays(i));
            events.Remove(off);
            events.Add(off with { Time = off.Time.AddMinutes(20 + (random.NextDouble() * 60)) });
        }

        var withoutNight = new AnomalyDetector().Detect(Context(events.OrderBy(e => e.Time)));
        var night = FirstDay.AddDays(20);
        var lastOff = events.Single(e => e.State == "off" && Activity.Berlin.Calendar.LocalDate(e.Time) == night);
        events.Remove(lastOff);
        events.Add(lastOff with { Time = lastOff.Time.AddHours(7) });
        var withNight = new AnomalyDetector().Detect(Context(events.OrderBy(e => e.Time)));

        Assert.Empty(withoutNight);
        var pattern = Assert.Single(withNight);
        Assert.Equal((night, AnomalyDetails.LongOnTime), (Details(pattern).Date, Details(pattern).Kind));
        Assert.Contains("the longest of its", Details(pattern).Description);
        Assert.Contains(new AnomalyDetector(new AnomalySettings(MaxLongShare: 1)).Detect(Context(events.OrderBy(e => e.Time))), p => Details(p).Date != night);
    }

    [Fact]
    public void Usual_days_and_random_devices_give_no_anomaly()
    {
        var random = new Random(3);
        var events = Usual(random, Days(30))
            .Concat(new[] { "light.desk", "switch.kettle", "fan.bedroom" }.SelectMany(e => RandomToggles(random, e, Days(30), 8)));

        var patterns = new AnomalyDetector().Detect(Context(events));

        Assert.True(patterns.Count == 0, string.Join("\n", patterns.Select(p => Details(p).Description)));
    }

    [Fact]
    public void Entity_with_too_little_history_is_never_judged()
    {
        var odd = FirstDay.AddDays(8);
        var events = Usual(new Random(4), Days(10));
        events.Add(Human(At(odd, 3), Kitchen, "on"));

        Assert.Empty(new AnomalyDetector().Detect(Context(events)));
    }

    [Fact]
    public void Night_action_by_an_automation_is_not_an_anomaly()
    {
        var odd = FirstDay.AddDays(15);
        var events = Usual(new Random(5), Days(25));
        events.Add(Automated(At(odd, 3.2), Kitchen, "on"));
        events.Add(Automated(At(odd, 3.4), Kitchen, "off"));

        Assert.Empty(new AnomalyDetector().Detect(Context(events)));
    }

    [Fact]
    public void A_routine_keeps_its_local_hour_across_the_DST_change()
    {
        // 07:00 local is 05:00 UTC before 2025-10-26 and 06:00 UTC from that day on.
        var days = Days(26, new DateOnly(2025, 10, 1)).ToList();
        var events = days.SelectMany(day => new[] { Human(At(day, 7), Kitchen, "on"), Human(At(day, 7.5), Kitchen, "off") });
        var strict = new AnomalyDetector(new AnomalySettings(HourBandHalfWidth: 0));

        Assert.Empty(strict.Detect(Context(events)));
    }

    [Fact]
    public void Just_after_midnight_is_next_to_just_before_midnight()
    {
        var days = Days(21).ToList();
        var events = days.Take(20).SelectMany(day => new[] { Human(At(day, 23.95), Kitchen, "on"), Human(At(day, 23.99), Kitchen, "off") }).ToList();
        events.Add(Human(At(days[20], 0.05), Kitchen, "on"));
        events.Add(Human(At(days[20], 0.1), Kitchen, "off"));
        var narrow = new AnomalyDetector(new AnomalySettings(HourBandHalfWidth: 1));

        Assert.Empty(narrow.Detect(Context(events)));
    }

    [Fact]
    public void An_unusual_day_cannot_hide_itself_in_the_baseline()
    {
        // One night with many 03:00 actions would make 03:00 look usual if that day were part of its own baseline.
        var odd = FirstDay.AddDays(15);
        var events = Usual(new Random(6), Days(25));
        for (var k = 0; k < 8; k++)
        {
            events.Add(Human(At(odd, 3 + (k * 0.1)), Kitchen, k % 2 == 0 ? "on" : "off"));
        }

        var pattern = Assert.Single(new AnomalyDetector().Detect(Context(events)));

        Assert.Equal(4, pattern.Occurrences);
        Assert.Equal(odd, Details(pattern).Date);
    }
}
