using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using static HaIngestor.Domain.Tests.Detection.Activity;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class SequenceDetectorTests
{
    private const string Bedroom = "light.bedroom";
    private const string Hallway = "light.hallway";
    private const string Coffee = "switch.coffee_maker";

    /// <summary>Every morning: bedroom light, then hallway light, then the coffee maker, 30..120 s apart.</summary>
    private static IEnumerable<StateChange> Mornings(Random random, int days, Func<DateTimeOffset, string, string, StateChange>? coffee = null)
    {
        coffee ??= (t, e, s) => Human(t, e, s);
        foreach (var day in Days(days))
        {
            var t = At(day, 6 + random.NextDouble());
            yield return Human(t, Bedroom, "on");
            t = t.AddSeconds(30 + (random.NextDouble() * 90));
            yield return Human(t, Hallway, "on");
            t = t.AddSeconds(30 + (random.NextDouble() * 90));
            yield return coffee(t, Coffee, "on");
            yield return Human(t.AddMinutes(20), Bedroom, "off");
            yield return Human(t.AddMinutes(25), Hallway, "off");
            yield return coffee(t.AddMinutes(30), Coffee, "off");
        }
    }

    private static IEnumerable<StateChange> Noise(Random random, int days) =>
        new[] { "light.desk", "switch.kettle", "media_player.tv", "light.bathroom", "fan.bedroom" }
            .SelectMany(entity => RandomToggles(random, entity, Days(days), 8));

    [Fact]
    public void Planted_three_step_routine_is_found_in_order_without_its_two_step_parts()
    {
        var random = new Random(1);
        var patterns = new SequenceDetector().Detect(Context(Mornings(random, 20).Concat(Noise(random, 20))));

        var pattern = Assert.Single(patterns, p => p.States.All(s => s == "on") && p.Entities[0] == Bedroom);
        Assert.Equal("sequence", pattern.Type);
        Assert.Equal([Bedroom, Hallway, Coffee], pattern.Entities);
        Assert.Equal(20, pattern.Occurrences);
        Assert.Equal(1.0, pattern.Confidence);
        Assert.Equal(Days(20), pattern.EvidenceDates);
        Assert.InRange(Assert.IsType<SequenceDetails>(pattern.Details).MedianGapSeconds, 45, 105);
        Assert.DoesNotContain(patterns, p => p.Entities.Count == 2 && p.States.All(s => s == "on"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(22)]
    public void Random_toggles_give_no_sequence(int seed)
    {
        Assert.Empty(new SequenceDetector().Detect(Context(Noise(new Random(seed), 30))));
    }

    [Fact]
    public void Step_done_by_an_automation_is_not_part_of_a_routine()
    {
        var patterns = new SequenceDetector().Detect(Context(Mornings(new Random(3), 20, (t, e, s) => Automated(t, e, s))));

        Assert.Contains(patterns, p => p.Entities.SequenceEqual([Bedroom, Hallway]) && p.States.SequenceEqual(["on", "on"]));
        Assert.DoesNotContain(patterns, p => p.Entities.Contains(Coffee));
    }

    [Fact]
    public void Steps_further_apart_than_the_gap_are_not_a_sequence()
    {
        var events = Days(20).SelectMany(day => new[]
        {
            Human(At(day, 7), Bedroom, "on"),
            Human(At(day, 7).AddMinutes(10), Hallway, "on"),
        });

        Assert.Empty(new SequenceDetector().Detect(Context(events)));
    }

    [Fact]
    public void Episodes_never_share_an_event()
    {
        // Each day: A on, A off, A on, then one B: two As are followed by B, but only one episode exists.
        var events = Days(10).SelectMany(day => new[]
        {
            Human(At(day, 7), "light.a", "on"),
            Human(At(day, 7).AddSeconds(10), "light.a", "off"),
            Human(At(day, 7).AddSeconds(20), "light.a", "on"),
            Human(At(day, 7).AddSeconds(40), "light.b", "on"),
            Human(At(day, 9), "light.a", "off"),
            Human(At(day, 9).AddMinutes(10), "light.b", "off"),
        });
        var detector = new SequenceDetector(new SequenceSettings(MinConfidence: 0));

        var pattern = Assert.Single(detector.Detect(Context(events)), p => p.Entities.SequenceEqual(["light.a", "light.b"]) && p.States.SequenceEqual(["on", "on"]));

        Assert.Equal(10, pattern.Occurrences);
        Assert.Equal(20, Assert.IsType<SequenceDetails>(pattern.Details).MedianGapSeconds);
        Assert.Equal(0.5, pattern.Confidence);
    }

    [Fact]
    public void Repeated_episodes_in_a_day_are_each_counted()
    {
        var events = Days(10).SelectMany(day => new[] { 7.0, 12.0, 18.0 }.SelectMany(hour => new[]
        {
            Human(At(day, hour), "light.a", "on"),
            Human(At(day, hour).AddSeconds(30), "light.b", "on"),
            Human(At(day, hour).AddMinutes(30), "light.a", "off"),
            Human(At(day, hour).AddMinutes(40), "light.b", "off"),
        }));

        var pattern = Assert.Single(new SequenceDetector().Detect(Context(events)), p => p.Entities.SequenceEqual(["light.a", "light.b"]) && p.States.SequenceEqual(["on", "on"]));

        Assert.Equal(30, pattern.Occurrences);
        Assert.Equal(10, pattern.EvidenceDates.Count);
    }
}
