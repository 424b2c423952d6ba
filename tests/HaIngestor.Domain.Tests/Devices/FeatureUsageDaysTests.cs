using System.Text;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>Usage per local day: pruning to the days kept, windowed utilisation, imported history.</summary>
public sealed class FeatureUsageDaysTests
{
    private static readonly DateOnly Day0 = new(2025, 1, 1);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static DeviceSnapshot Observe(DeviceSnapshot snapshot, string json, DateOnly day, int daysKept = DeviceSnapshot.DefaultDaysKept)
    {
        Assert.True(DeviceStatePayload.TryFlatten(Encoding.UTF8.GetBytes(json), out var values, out var error), error);
        return snapshot.Apply(snapshot.Diff(values), At(day), day, daysKept);
    }

    [Fact]
    public void Changes_are_counted_per_day_and_by_origin_and_totals_are_their_sum()
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(UsageHome.Device(UsageHome.Motion));
        snapshot = Observe(snapshot, """{"occupancy":false,"illuminance":5}""", Day0);
        snapshot = Observe(snapshot, """{"occupancy":true}""", Day0);
        snapshot = Observe(snapshot, """{"occupancy":false}""", Day0.AddDays(1));

        var usage = snapshot.Usage["occupancy"];
        Assert.Equal(2, usage.ChangeCount);
        Assert.Equal(OriginCounts.Of(UsageOrigin.Device, 2), usage.ByOrigin);
        Assert.Equal(usage.ChangeCount, usage.ByOrigin.Total);
        Assert.Equal([new DailyUsage(Day0, OriginCounts.Of(UsageOrigin.Device, 1)), new DailyUsage(Day0.AddDays(1), OriginCounts.Of(UsageOrigin.Device, 1))], usage.Days);
    }

    [Fact]
    public void Days_older_than_the_days_kept_are_pruned_but_stay_in_the_totals()
    {
        var usage = FeatureUsage.Unused
            .Count(UsageOrigin.Human, Day0, daysKept: 3)
            .Count(UsageOrigin.Automation, Day0.AddDays(1), daysKept: 3)
            .Count(UsageOrigin.Human, Day0.AddDays(3), daysKept: 3)
            .Count(UsageOrigin.Human, Day0, daysKept: 3);

        Assert.Equal([Day0.AddDays(1), Day0.AddDays(3)], usage.Days.Select(d => d.Day));
        Assert.Equal(4, usage.ChangeCount);
        Assert.Equal(new OriginCounts(3, 1, 0, 0, 0), usage.ByOrigin);
    }

    [Fact]
    public void A_change_of_an_earlier_day_is_inserted_in_day_order()
    {
        var usage = FeatureUsage.Unused
            .Count(UsageOrigin.Human, Day0.AddDays(5), 90)
            .Count(UsageOrigin.Human, Day0.AddDays(1), 90)
            .Count(UsageOrigin.Device, Day0.AddDays(5), 90)
            .Count(UsageOrigin.Human, Day0.AddDays(3), 90);

        Assert.Equal([Day0.AddDays(1), Day0.AddDays(3), Day0.AddDays(5)], usage.Days.Select(d => d.Day));
        Assert.Equal(new OriginCounts(1, 0, 1, 0, 0), usage.Days[^1].Counts);
    }

    [Fact]
    public void A_feature_used_sixty_days_ago_and_not_since_is_unused_in_a_thirty_day_window()
    {
        var today = Day0.AddDays(90);
        var snapshot = DeviceSnapshot.Empty.WithDefinition(UsageHome.Device(UsageHome.CtLight));
        snapshot = Observe(snapshot, """{"state":"OFF","brightness":100,"color_temp":300}""", today.AddDays(-61));
        snapshot = Observe(snapshot, """{"state":"ON","brightness":200,"color_temp":370}""", today.AddDays(-60));
        for (var d = 20; d > 0; d--)
        {
            snapshot = Observe(snapshot, $$"""{"state":"{{(d % 2 == 0 ? "OFF" : "ON")}}"}""", today.AddDays(-d));
        }

        var window = UsageWindow.Ending(today, 30);
        var windowed = snapshot.Utilisation(window);
        var ever = snapshot.Utilisation();

        Assert.Equal(["state", "brightness", "color_temp"], ever.Used);
        Assert.Equal(["state"], windowed.Used);
        Assert.Equal(["brightness", "color_temp"], windowed.Unused);
        Assert.Equal(new HomeUtilisation(3, 1), HomeUtilisation.Of([snapshot], window));

        var opportunities = FeatureOpportunities.Find([snapshot], window);
        Assert.Contains(opportunities, o => o.Kind == FeatureOpportunityKind.AdaptiveColourTemperature);
        Assert.Contains(opportunities, o => o.Kind == FeatureOpportunityKind.NightDimming);
        Assert.Empty(FeatureOpportunities.Find([snapshot]));
    }

    [Fact]
    public void A_window_longer_than_the_calendar_before_its_last_day_starts_at_the_calendars_first_day()
    {
        var today = new DateOnly(2025, 1, 10);

        Assert.Equal(new UsageWindow(DateOnly.MinValue, today.AddDays(1)), UsageWindow.Ending(today, int.MaxValue));
        Assert.Equal(new UsageWindow(today, today.AddDays(1)), UsageWindow.Ending(today, 0));
    }

    [Fact]
    public void Covering_a_window_of_instants_includes_the_partial_last_day()
    {
        var window = UsageWindow.Covering(At(Day0), At(Day0.AddDays(2)), i => DateOnly.FromDateTime(i.UtcDateTime));

        Assert.Equal(new UsageWindow(Day0, Day0.AddDays(3)), window);
        Assert.True(window.Contains(Day0.AddDays(2)));
        Assert.False(window.Contains(Day0.AddDays(3)));
    }

    [Fact]
    public void Imported_history_counts_uses_without_touching_the_live_state()
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(UsageHome.Device(UsageHome.CtLight));
        snapshot = Observe(snapshot, """{"state":"OFF","brightness":100}""", Day0.AddDays(10));
        snapshot = Observe(snapshot, """{"state":"ON"}""", Day0.AddDays(10));

        var imported = snapshot.ApplyImported(
        [
            new ImportedChange(At(Day0), Day0, new PropertyChange("state", "\"OFF\"", "\"ON\"", UsageOrigin.Automation)),
            new ImportedChange(At(Day0), Day0, new PropertyChange("brightness", "100", "20", UsageOrigin.Human)),
            new ImportedChange(At(Day0), Day0, new PropertyChange("color_temp", null, "300", UsageOrigin.Human)),
        ]);

        Assert.Same(snapshot.LastValues, imported.LastValues);
        Assert.Equal(snapshot.LastSeen, imported.LastSeen);
        var state = imported.Usage["state"];
        Assert.Equal((2L, new OriginCounts(0, 1, 0, 0, 1)), (state.ChangeCount, state.ByOrigin));
        Assert.Equal("\"ON\"", state.LastValue);
        Assert.Equal(At(Day0.AddDays(10)), state.LastChanged);
        // The live value is the present one: older history does not replace it.
        Assert.Equal((1L, "100"), (imported.Usage["brightness"].ChangeCount, imported.Usage["brightness"].LastValue));
        Assert.Equal(0, imported.Usage["color_temp"].ChangeCount);
        Assert.Equal(["\"OFF\"", "\"ON\""], state.DistinctValues);
    }
}
