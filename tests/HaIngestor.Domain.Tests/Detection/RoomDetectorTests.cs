using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;
using static HaIngestor.Domain.Tests.Detection.Activity;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class RoomDetectorTests
{
    private const string KitchenLight = "light.kitchen";
    private const string Kettle = "switch.kettle";
    private const string Coffee = "switch.coffee_maker";

    /// <summary>The kitchen light, kettle and coffee maker come on within a few minutes of each other, in any order; the kettle's area is on the event.</summary>
    private static IEnumerable<StateChange> Breakfasts(Random random, int days, Func<DateTimeOffset, string, string, string?, StateChange>? kettle = null)
    {
        kettle ??= (t, e, s, a) => Human(t, e, s, area: a);
        foreach (var day in Days(days))
        {
            var t = At(day, 6.5 + random.NextDouble());
            var order = new[] { KitchenLight, Kettle, Coffee }.OrderBy(_ => random.Next()).ToArray();
            foreach (var entity in order)
            {
                yield return entity == Kettle ? kettle(t, entity, "on", "kitchen") : Human(t, entity, "on");
                yield return entity == Kettle ? kettle(t.AddMinutes(4), entity, "off", "kitchen") : Human(t.AddMinutes(30), entity, "off");
                t = t.AddSeconds(20 + (random.NextDouble() * 100));
            }
        }
    }

    private static HomeProfile Home(bool withAreas = true) => Berlin with
    {
        EntityAreas = withAreas
            ? new Dictionary<string, string>
            {
                [KitchenLight] = "kitchen",
                [Coffee] = "kitchen",
                ["light.living"] = "living_room",
                ["media_player.tv"] = "living_room",
                ["light.bedroom"] = "bedroom",
            }
            : new Dictionary<string, string>(),
    };

    private static IEnumerable<StateChange> Others(Random random, int days) =>
        new[] { "light.living", "media_player.tv", "light.bedroom" }.SelectMany(e => RandomToggles(random, e, Days(days), 6));

    [Fact]
    public void Entities_used_together_in_an_area_form_its_group()
    {
        var random = new Random(1);
        var patterns = new RoomDetector().Detect(Context(Breakfasts(random, 20).Concat(Others(random, 20)), Home()));

        var pattern = Assert.Single(patterns);
        Assert.Equal("room", pattern.Type);
        Assert.Equal("kitchen", Assert.IsType<RoomDetails>(pattern.Details).Area);
        Assert.Equal([KitchenLight, Coffee, Kettle], pattern.Entities);
        Assert.Equal(["on", "on", "on"], pattern.States);
        Assert.Equal(20, pattern.Occurrences);
        Assert.Equal(Days(20), pattern.EvidenceDates);
        Assert.Equal(1.0, pattern.Confidence);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(22)]
    public void Independent_devices_of_one_area_are_no_group(int seed)
    {
        var random = new Random(seed);
        var home = Berlin with { EntityAreas = new[] { "light.a", "light.b", "switch.c", "fan.d" }.ToDictionary(e => e, _ => "living_room") };
        var events = new[] { "light.a", "light.b", "switch.c", "fan.d" }.SelectMany(e => RandomToggles(random, e, Days(30), 8));

        Assert.Empty(new RoomDetector().Detect(Context(events, home)));
    }

    [Fact]
    public void Device_switched_by_an_automation_is_not_part_of_the_group()
    {
        var events = Breakfasts(new Random(3), 20, (t, e, s, a) => Automated(t, e, s, area: a));

        var pattern = Assert.Single(new RoomDetector().Detect(Context(events, Home())));

        Assert.Equal([KitchenLight, Coffee], pattern.Entities);
    }

    [Fact]
    public void Without_area_data_nothing_is_guessed_from_names()
    {
        var events = Breakfasts(new Random(4), 20, (t, e, s, _) => Human(t, e, s));

        Assert.Empty(new RoomDetector().Detect(Context(events, Home(withAreas: false))));
    }

    [Fact]
    public void The_same_group_gets_the_same_id_in_another_run()
    {
        static string Id(int seed) => Assert.Single(new RoomDetector().Detect(Context(Breakfasts(new Random(seed), 20), Home()))).Id;

        Assert.Equal(Id(5), Id(6));
    }
}
