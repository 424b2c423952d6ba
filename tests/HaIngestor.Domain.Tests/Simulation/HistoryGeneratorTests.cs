using FsCheck.Xunit;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Simulation;

public sealed class HistoryGeneratorTests
{
    private static readonly DateTimeOffset Start = SimulationFixtures.January;

    [Fact]
    public void Same_seed_gives_identical_history()
    {
        Assert.Equal(SimulationFixtures.Generate(1, Start, 10), SimulationFixtures.Generate(1, Start, 10));
    }

    [Fact]
    public void Different_seed_gives_different_history()
    {
        Assert.NotEqual(SimulationFixtures.Generate(1, Start, 10), SimulationFixtures.Generate(2, Start, 10));
    }

    [Fact]
    public void Events_are_sorted_by_time_and_inside_the_window()
    {
        var events = SimulationFixtures.Generate(4, Start.AddHours(5), 21);

        Assert.NotEmpty(events);
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.First.Time <= pair.Second.Time));
        Assert.All(events, e => Assert.InRange(e.Time, Start.AddHours(5), Start.AddHours(5).AddDays(21).AddTicks(-1)));
        Assert.All(events, e => Assert.Equal(TimeSpan.Zero, e.Time.Offset));
    }

    [Property(MaxTest = 12)]
    public bool Old_state_is_always_the_previous_state_of_the_entity(int seed)
    {
        var home = SimulatedHome.Create(seed);
        var last = home.Entities.ToDictionary(e => e.EntityId, e => e.InitialState);
        foreach (var change in new HistoryGenerator(home).Generate(Start, 6))
        {
            if (home.FindEntity(change.EntityId)!.Role != EntityRole.Action
                && (change.OldState != last[change.EntityId] || change.State == change.OldState))
            {
                return false;
            }

            last[change.EntityId] = change.State;
        }

        return true;
    }

    [Theory]
    [InlineData(2025, 3, 17)]
    [InlineData(2025, 10, 13)]
    public void Routine_keeps_its_local_time_across_the_dst_change(int year, int month, int day)
    {
        var home = SimulatedHome.Create(11);
        var start = home.Calendar.StartOfDay(new DateOnly(year, month, day));
        var ons = new HistoryGenerator(home).Generate(start, 28)
            .Where(e => e is { EntityId: "light.kitchen_ceiling_light", State: "on" })
            .ToList();
        var zone = home.Calendar.TimeZone;
        var change = ons.FindIndex(e => zone.GetUtcOffset(e.Time) != zone.GetUtcOffset(ons[0].Time));

        Assert.True(change > 3, "the window must contain mornings on both sides of the change");
        var localBefore = ons.Take(change).Select(e => SimulationFixtures.Local(home, e.Time).TimeOfDay.TotalMinutes).ToList();
        var localAfter = ons.Skip(change).Select(e => SimulationFixtures.Local(home, e.Time).TimeOfDay.TotalMinutes).ToList();
        var utcBefore = ons.Take(change).Average(e => e.Time.UtcDateTime.TimeOfDay.TotalMinutes);
        var utcAfter = ons.Skip(change).Average(e => e.Time.UtcDateTime.TimeOfDay.TotalMinutes);

        Assert.All(localBefore.Concat(localAfter), m => Assert.InRange(m, (6 * 60) + 45 - 28, (6 * 60) + 45 + 28));
        Assert.InRange(localAfter.Average() - localBefore.Average(), -12, 12);
        Assert.InRange(Math.Abs(utcAfter - utcBefore), 48, 72);
    }

    [Fact]
    public void Weekday_routines_never_fire_on_weekends()
    {
        var home = SimulatedHome.Create(3);
        var events = new HistoryGenerator(home).Generate(Start, 56).ToList();

        foreach (var entityId in new[] { "light.kitchen_ceiling_light", "switch.office_desk_plug", "climate.bathroom_thermostat", "switch.kitchen_coffee_plug" })
        {
            var days = events.Where(e => e.EntityId == entityId).Select(e => SimulationFixtures.Local(home, e.Time).DayOfWeek).ToList();
            Assert.NotEmpty(days);
            Assert.DoesNotContain(DayOfWeek.Saturday, days);
            Assert.DoesNotContain(DayOfWeek.Sunday, days);
        }

        var blindOpenings = events.Where(e => e is { EntityId: "cover.bedroom_blinds", State: "open" })
            .Select(e => SimulationFixtures.Local(home, e.Time)).ToList();
        Assert.All(blindOpenings.Where(t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday),
            t => Assert.InRange(t.TimeOfDay.TotalMinutes, (7 * 60) + 30 - 33, (7 * 60) + 30 + 33));
        Assert.All(blindOpenings.Where(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)),
            t => Assert.InRange(t.TimeOfDay.TotalMinutes, (6 * 60) + 35 - 21, (6 * 60) + 35 + 21));
    }

    [Fact]
    public void Skipped_days_happen_at_about_the_planted_rate()
    {
        var home = SimulatedHome.Create(9);
        var days = 420;
        var events = new HistoryGenerator(home).Generate(Start, days).Where(e => e is { EntityId: "light.kitchen_ceiling_light", State: "on" });
        var weekdays = Enumerable.Range(0, days).Select(d => DateOnly.FromDateTime(Start.Date).AddDays(d))
            .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var daysWithRoutine = events.Select(e => home.Calendar.LocalDate(e.Time)).Distinct().Count();

        var planted = home.Routines.First(r => r.EntityId == "light.kitchen_ceiling_light").SkipProbability;
        Assert.InRange(1 - (daysWithRoutine / (double)weekdays), planted - 0.04, planted + 0.04);
    }

    [Fact]
    public void Midnight_straddling_routine_lands_on_both_sides_of_midnight()
    {
        var home = SimulatedHome.Create(2, new SimulationOptions(PlantAnomalies: false));
        var offs = new HistoryGenerator(home).Generate(Start, 90)
            .Where(e => e is { EntityId: "light.living_room_floor_lamp", State: "off" })
            .Select(e => SimulationFixtures.Local(home, e.Time).TimeOfDay.TotalMinutes)
            .ToList();

        Assert.InRange(offs.Count, 70, 90);
        Assert.Contains(offs, m => m < 60);
        Assert.Contains(offs, m => m > 23 * 60);
        Assert.All(offs, m => Assert.True(m < 30 || m > (23 * 60) + 10, $"off at minute {m}"));
    }

    [Fact]
    public void Automation_driven_device_changes_all_carry_a_parent_id()
    {
        var home = SimulatedHome.Create(6);
        var events = new HistoryGenerator(home).Generate(Start, 30).ToList();
        var automated = events.Where(e => e.EntityId == "light.garden_path_light").ToList();

        Assert.Equal(60, automated.Count);
        Assert.All(automated, e =>
        {
            Assert.Equal(Origin.Automation, e.Origin);
            Assert.False(string.IsNullOrEmpty(e.ParentId));
            Assert.Null(e.UserId);
            Assert.Contains(SimulationFixtures.Local(home, e.Time).TimeOfDay, new[] { new TimeSpan(20, 15, 0), new TimeSpan(23, 0, 0) });
        });
        Assert.Equal(automated.Count, automated.Select(e => e.ParentId).Distinct().Count());
        Assert.DoesNotContain(events.Where(e => e.EntityId != "light.garden_path_light"), e => e.Origin == Origin.Automation);
    }

    [Fact]
    public void Human_actions_are_mostly_physical_with_some_through_the_ui()
    {
        var home = SimulatedHome.Create(6);
        var actuators = new HistoryGenerator(home).Generate(Start, 60)
            .Where(e => e.Domain is "light" or "switch" or "cover" or "climate" && e.EntityId != "light.garden_path_light")
            .ToList();

        Assert.All(actuators, e => Assert.Equal(Origin.Manual, e.Origin));
        var ui = actuators.Count(e => e.UserId is not null);
        Assert.InRange(ui / (double)actuators.Count, 0.15, 0.35);
        Assert.All(actuators.Where(e => e.UserId is not null), e => Assert.Contains(e.UserId, home.UserIds));
    }

    [Fact]
    public void Sensors_produce_plausible_readings()
    {
        var home = SimulatedHome.Create(8);
        var events = new HistoryGenerator(home).Generate(Start, 14).ToList();

        var power = events.Where(e => e.EntityId == "sensor.office_desk_plug_power").Select(e => double.Parse(e.State, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(0, power);
        Assert.All(power.Where(p => p > 0), p => Assert.InRange(p, 60, 110));

        var temperatures = events.Where(e => e.EntityId == "sensor.living_room_climate_temperature").Select(e => double.Parse(e.State, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(temperatures.Count > 100);
        Assert.All(temperatures, t => Assert.InRange(t, 15, 26));

        Assert.Contains(events, e => e is { EntityId: "binary_sensor.hallway_motion_occupancy", State: "on" });
        Assert.Contains(events, e => e.EntityId == "sensor.hallway_motion_illuminance");
        Assert.Contains(events, e => e.EntityId == "sensor.living_room_remote_action");
        Assert.All(events, e => Assert.Equal(home.FindEntity(e.EntityId)!.Area, e.Area));
    }
}
