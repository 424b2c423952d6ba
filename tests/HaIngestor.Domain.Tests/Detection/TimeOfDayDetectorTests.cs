using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class TimeOfDayDetectorTests
{
    private static readonly DateOnly From = new(2025, 1, 6); // a Monday
    private static readonly DateOnly To = From.AddDays(28);

    private static IReadOnlyList<Pattern> Detect(HomeEvents home, DateOnly from, DateOnly to) =>
        new TimeOfDayDetector().Detect(home.Context(from, to));

    private static TimeOfDayDetails Details(Pattern p) => Assert.IsType<TimeOfDayDetails>(p.Details);

    private static double Jitter(Random random, double amplitude) => (random.NextDouble() * 2 - 1) * amplitude;

    [Fact]
    public void A_daily_routine_is_one_pattern_at_its_local_time_on_all_days()
    {
        var home = new HomeEvents("Europe/Madrid");
        var random = new Random(7);
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.Manual(day, 7 * 60 + Jitter(random, 6), "light.kitchen", "on", "off");
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal("time_of_day", pattern.Type);
        Assert.Equal(["light.kitchen"], pattern.Entities);
        Assert.Equal(["on"], pattern.States);
        Assert.InRange(Details(pattern).LocalMinuteOfDay, 7 * 60 - 3, 7 * 60 + 3);
        Assert.InRange(Details(pattern).SpreadMinutes, 0.5, 6);
        Assert.Equal(DaySelection.All, Details(pattern).Days);
        Assert.Equal(28, pattern.Occurrences);
        Assert.Equal(HomeEvents.Days(From, To), pattern.EvidenceDates);
        Assert.InRange(pattern.Confidence, 0.9, 1.0);
        Assert.Matches("^tod-[0-9a-f]{12}$", pattern.Id);
    }

    [Theory]
    [InlineData(6 * 60 + 35, 7 * 60 + 30)]
    [InlineData(21 * 60 + 45, 22 * 60 + 30)]
    public void Weekday_and_weekend_times_an_hour_or_less_apart_are_two_routines(int weekdayMinute, int weekendMinute)
    {
        var home = new HomeEvents("Europe/Berlin");
        var random = new Random(11);
        foreach (var day in HomeEvents.Days(From, To))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            home.Manual(day, (weekend ? weekendMinute : weekdayMinute) + Jitter(random, 12), "cover.bedroom", "open", "closed");
        }

        var patterns = Detect(home, From, To).OrderBy(p => Details(p).LocalMinuteOfDay).ToList();

        Assert.Equal(2, patterns.Count);
        Assert.Equal(DaySelection.Weekdays, Details(patterns[0]).Days);
        Assert.InRange(Details(patterns[0]).LocalMinuteOfDay, weekdayMinute - 5, weekdayMinute + 5);
        Assert.Equal(20, patterns[0].Occurrences);
        Assert.Equal(DaySelection.Weekends, Details(patterns[1]).Days);
        Assert.InRange(Details(patterns[1]).LocalMinuteOfDay, weekendMinute - 5, weekendMinute + 5);
        Assert.Equal(8, patterns[1].Occurrences);
    }

    [Fact]
    public void Weekday_and_weekend_days_at_the_same_time_stay_one_routine()
    {
        var home = new HomeEvents("Europe/Berlin");
        var random = new Random(12);
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.Manual(day, (7 * 60) + Jitter(random, 15), "light.kitchen", "on", "off");
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(DaySelection.All, Details(pattern).Days);
    }

    [Fact]
    public void A_routine_across_midnight_is_one_pattern_near_midnight_with_one_occurrence_per_night()
    {
        var home = new HomeEvents("Europe/Madrid");
        var nights = 0;
        foreach (var day in HomeEvents.Days(From, To.AddDays(-1)))
        {
            // Alternating before and after midnight: 23:50, 23:57, 00:04 (next day), 00:10 (next day), ...
            var offset = (nights % 4) switch { 0 => -10, 1 => -3, 2 => 4, _ => 10 };
            home.Manual(day.AddDays(1), offset, "light.hall", "off", "on");
            nights++;
        }

        var pattern = Assert.Single(Detect(home, From, To));
        var details = Details(pattern);

        Assert.InRange(CircularTime.Difference(0, details.LocalMinuteOfDay), -5, 5);
        Assert.InRange(details.SpreadMinutes, 3, 10);
        Assert.Equal(nights, pattern.Occurrences);
        Assert.Equal(pattern.EvidenceDates.Distinct().Count(), pattern.EvidenceDates.Count);
    }

    [Fact]
    public void A_burst_of_events_around_midnight_counts_once_per_night()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To.AddDays(-1)))
        {
            home.Manual(day, 23 * 60 + 55, "switch.tv", "off", "on")
                .Manual(day.AddDays(1), 5, "switch.tv", "off", "on");
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(27, pattern.Occurrences);
        Assert.InRange(CircularTime.Difference(0, Details(pattern).LocalMinuteOfDay), -2, 2);
    }

    [Theory]
    [InlineData(2025, 3, 15)] // Europe/Berlin springs forward on Sunday 2025-03-30
    [InlineData(2025, 10, 12)] // and falls back on Sunday 2025-10-26
    public void A_local_routine_keeps_its_local_time_across_a_DST_change(int year, int month, int day)
    {
        var home = new HomeEvents("Europe/Berlin");
        var from = new DateOnly(year, month, day);
        var to = from.AddDays(28);
        var random = new Random(3);
        foreach (var d in HomeEvents.Days(from, to))
        {
            home.Manual(d, 7 * 60 + Jitter(random, 4), "light.bedroom", "on", "off");
        }

        Assert.Equal(2, home.Events.Select(e => e.Time.Offset).Distinct().Count());

        var pattern = Assert.Single(Detect(home, from, to));

        Assert.InRange(Details(pattern).LocalMinuteOfDay, 7 * 60 - 2, 7 * 60 + 2);
        Assert.InRange(Details(pattern).SpreadMinutes, 0, 5);
        Assert.Equal(28, pattern.Occurrences);
        Assert.Contains(pattern.EvidenceDates, d => d.DayOfWeek == DayOfWeek.Sunday && d.Month == month && d.Day > 24);
    }

    [Fact]
    public void One_entity_can_have_several_routines_a_day()
    {
        var home = new HomeEvents("Europe/Madrid");
        var random = new Random(11);
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.Manual(day, 7 * 60 + Jitter(random, 5), "light.living_room", "on", "off")
                .Manual(day, 7 * 60 + 40 + Jitter(random, 5), "light.living_room", "off", "on")
                .Manual(day, 19 * 60 + Jitter(random, 10), "light.living_room", "on", "off")
                .Manual(day, 23 * 60 + Jitter(random, 10), "light.living_room", "off", "on");
        }

        var patterns = Detect(home, From, To);

        Assert.Equal(4, patterns.Count);
        var on = patterns.Where(p => p.States[0] == "on").Select(p => Details(p).LocalMinuteOfDay).Order().ToList();
        var off = patterns.Where(p => p.States[0] == "off").Select(p => Details(p).LocalMinuteOfDay).Order().ToList();
        Assert.Equal(2, on.Count);
        Assert.InRange(on[0], 7 * 60 - 3, 7 * 60 + 3);
        Assert.InRange(on[1], 19 * 60 - 5, 19 * 60 + 5);
        Assert.InRange(off[0], 7 * 60 + 37, 7 * 60 + 43);
        Assert.InRange(off[1], 23 * 60 - 5, 23 * 60 + 5);
        Assert.All(patterns, p => Assert.Equal(28, p.Occurrences));
        Assert.Equal(4, patterns.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void A_routine_only_on_working_days_is_reported_for_weekdays()
    {
        var home = new HomeEvents("Europe/Madrid");
        var random = new Random(5);
        foreach (var day in HomeEvents.Days(From, To).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            home.Manual(day, 6 * 60 + 45 + Jitter(random, 5), "switch.coffee_machine", "on", "off");
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(DaySelection.Weekdays, Details(pattern).Days);
        Assert.Equal("weekdays", Details(pattern).Days.ToString());
        Assert.Equal(20, pattern.Occurrences);
        Assert.InRange(pattern.Confidence, 0.9, 1.0);
    }

    [Fact]
    public void A_weekday_routine_with_one_missed_friday_is_still_weekdays()
    {
        var home = new HomeEvents("Europe/Madrid");
        var missed = From.AddDays(11); // the second Friday
        foreach (var day in HomeEvents.Days(From, To).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != missed))
        {
            home.Manual(day, 6 * 60 + 45, "switch.coffee_machine", "on", "off");
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(DaySelection.Weekdays, Details(pattern).Days);
        Assert.Equal(19, pattern.Occurrences);
    }

    [Fact]
    public void A_weekend_routine_is_reported_for_weekends_and_a_three_day_one_as_its_days()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                home.Manual(day, 10 * 60, "media_player.radio", "on", "off");
            }

            if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)
            {
                home.Manual(day, 18 * 60, "fan.gym", "on", "off");
            }
        }

        var patterns = Detect(home, From, To);

        Assert.Equal(2, patterns.Count);
        Assert.Equal("mon,wed,fri", Details(patterns.Single(p => p.Entities[0] == "fan.gym")).Days.ToString());
        Assert.Equal(DaySelection.Weekends, Details(patterns.Single(p => p.Entities[0] == "media_player.radio")).Days);
    }

    [Fact]
    public void Changes_made_by_automations_are_not_evidence()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.ByAutomation(day, 7 * 60, "light.porch", "on", "off")
                .ByAutomation(day, 8 * 60, "light.porch", "off", "on")
                .ByAutomation(day, 21 * 60, "light.garden", "on", "off")
                .Manual(day, 23 * 60, "light.garden", "off", "on");
        }

        Assert.All(home.Events.Where(e => e.ParentId is not null), e => Assert.Equal(Origin.Automation, e.Origin));

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(["light.garden"], pattern.Entities);
        Assert.Equal(["off"], pattern.States);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 8)]
    public void Random_toggling_gives_no_pattern(int seed, int togglesPerDay)
    {
        var home = new HomeEvents("Europe/Madrid");
        var random = new Random(seed);
        var state = "off";
        foreach (var day in HomeEvents.Days(From, To))
        {
            var minutes = Enumerable.Range(0, togglesPerDay).Select(_ => random.NextDouble() * 1440).Order();
            foreach (var minute in minutes)
            {
                var next = state == "on" ? "off" : "on";
                home.Manual(day, minute, "light.random", next, state);
                state = next;
            }
        }

        Assert.Empty(Detect(home, From, To));
    }

    [Fact]
    public void Placeholders_repeats_and_measurements_are_not_routines()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.Add(home.At(day, 3 * 60), "light.flaky", "unavailable", "on", null, null, Origin.Manual)
                .Add(home.At(day, 3 * 60 + 1), "light.flaky", "unknown", "unavailable", null, null, Origin.Manual)
                .Add(home.At(day, 3 * 60 + 2), "light.flaky", "", "unknown", null, null, Origin.Manual)
                .Manual(day, 9 * 60, "light.reporting", "on", "on")
                .Manual(day, 12 * 60, "sensor.temperature", "21.5", "21.4")
                .Manual(day, 12 * 60, "sensor.last_boot", "2025-01-01T00:00:00+00:00", "2024-12-01T00:00:00+00:00")
                .Manual(day, 6 * 60, "sun.sun", "above_horizon", "below_horizon");
        }

        Assert.Empty(Detect(home, From, To));
    }

    [Fact]
    public void Sensor_routines_are_patterns_too()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.Add(home.At(day, 7 * 60 + 30), "binary_sensor.bed_pressure", "off", "on", null, null);
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(["binary_sensor.bed_pressure"], pattern.Entities);
    }

    [Fact]
    public void Scene_activations_are_one_state()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To))
        {
            var activated = home.At(day, 20 * 60).ToString("O");
            home.Add(home.At(day, 20 * 60), "scene.movie_night", activated, null, "user-1", null);
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal([BehaviourState.Activated], pattern.States);
    }

    [Fact]
    public void Several_events_of_one_day_in_one_routine_count_once()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, To))
        {
            home.Manual(day, 7 * 60, "light.bath", "on", "off")
                .Manual(day, 7 * 60 + 2, "light.bath", "off", "on")
                .Manual(day, 7 * 60 + 3, "light.bath", "on", "off");
        }

        var on = Assert.Single(Detect(home, From, To), p => p.States[0] == "on");

        Assert.Equal(28, on.Occurrences);
        Assert.Equal(28, on.EvidenceDates.Count);
    }

    [Fact]
    public void Too_few_days_give_no_pattern()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From, From.AddDays(3)))
        {
            home.Manual(day, 7 * 60, "light.kitchen", "on", "off");
        }

        Assert.Empty(Detect(home, From, To));
    }

    [Fact]
    public void The_same_routine_keeps_its_id_in_a_later_window()
    {
        var home = new HomeEvents("Europe/Madrid");
        var random = new Random(9);
        foreach (var day in HomeEvents.Days(From, To.AddDays(14)))
        {
            home.Manual(day, 7 * 60 + 4 + Jitter(random, 6), "light.kitchen", "on", "off");
        }

        var first = Assert.Single(Detect(home, From, To));
        var later = Assert.Single(Detect(home, From.AddDays(14), To.AddDays(14)));

        Assert.Equal(first.Id, later.Id);
    }

    [Fact]
    public void A_device_added_halfway_is_judged_on_the_days_it_existed()
    {
        var home = new HomeEvents("Europe/Madrid");
        foreach (var day in HomeEvents.Days(From.AddDays(14), To))
        {
            home.Manual(day, 22 * 60, "light.new_lamp", "on", "off");
        }

        var pattern = Assert.Single(Detect(home, From, To));

        Assert.Equal(14, pattern.Occurrences);
        Assert.InRange(pattern.Confidence, 0.9, 1.0);
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TimeOfDayDetector(new TimeOfDaySettings { MinOccurrences = 0 }));
        Assert.Throws<ArgumentException>(() => new TimeOfDayDetector(new TimeOfDaySettings { ClusterRadiusMinutes = 5 }));
    }

    [Fact]
    public void The_catalog_holds_the_time_of_day_detector_in_group_A()
    {
        var detector = Assert.Single(DetectorCatalog.CreateAll(), d => d.Name == "time_of_day");

        Assert.Equal(DetectorGroup.A, detector.Group);
        Assert.Same(detector.GetType(), typeof(TimeOfDayDetector));
    }
}
