using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using static HaIngestor.Domain.Tests.Detection.Activity;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class CoOccurrenceDetectorTests
{
    private const string Motion = "binary_sensor.hall_motion";
    private const string HallLight = "light.hall";

    /// <summary>Every evening the hall motion fires and a person switches the hall light on 10..60 s later.</summary>
    private static IEnumerable<StateChange> HallEvenings(Random random, int days, Func<DateTimeOffset, string, string, StateChange>? light = null)
    {
        light ??= (t, entity, state) => Human(t, entity, state);
        foreach (var day in Days(days))
        {
            var start = At(day, 19 + (random.NextDouble() * 2));
            yield return Human(start, Motion, "on");
            yield return light(start.AddSeconds(10 + (random.NextDouble() * 50)), HallLight, "on");
            yield return Human(start.AddMinutes(3), Motion, "off");
            yield return Human(start.AddMinutes(40 + (random.NextDouble() * 30)), HallLight, "off");
        }
    }

    private static IEnumerable<StateChange> Noise(Random random, int days) =>
        new[] { "light.desk", "switch.kettle", "media_player.tv", "light.bathroom", "fan.bedroom" }
            .SelectMany(entity => RandomToggles(random, entity, Days(days), 8));

    [Fact]
    public void Planted_pair_is_found_with_its_window_confidence_lift_and_evidence()
    {
        var random = new Random(1);
        var patterns = new CoOccurrenceDetector().Detect(Context(HallEvenings(random, 20).Concat(Noise(random, 20))));

        var pattern = Assert.Single(patterns, p => p.Entities.SequenceEqual([Motion, HallLight]) && p.States.SequenceEqual(["on", "on"]));
        var details = Assert.IsType<CoOccurrenceDetails>(pattern.Details);
        Assert.Equal("co_occurrence", pattern.Type);
        Assert.Equal(20, pattern.Occurrences);
        Assert.Equal(1.0, pattern.Confidence);
        Assert.Equal(Days(20), pattern.EvidenceDates);
        Assert.Equal(120, details.WindowSeconds);
        Assert.InRange(details.Support, 0.9, 1.0);
        Assert.True(details.Lift > 50, $"lift {details.Lift}");
    }

    [Fact]
    public void Direction_is_kept_the_follower_never_leads()
    {
        var patterns = new CoOccurrenceDetector().Detect(Context(HallEvenings(new Random(2), 15)));

        Assert.Contains(patterns, p => p.Entities.SequenceEqual([Motion, HallLight]));
        Assert.DoesNotContain(patterns, p => p.Entities[0] == HallLight && p.Entities[1] == Motion);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(22)]
    public void Random_toggles_of_independent_devices_give_no_pattern(int seed)
    {
        var patterns = new CoOccurrenceDetector().Detect(Context(Noise(new Random(seed), 30)));

        Assert.Empty(patterns);
    }

    [Fact]
    public void Two_busy_independent_devices_meet_often_but_have_no_lift()
    {
        var random = new Random(4);
        var events = new[] { "binary_sensor.kitchen_motion", "binary_sensor.office_motion" }
            .SelectMany(entity => RandomToggles(random, entity, Days(5), 1440))
            .ToList();
        var context = Context(events);
        var lenient = new CoOccurrenceDetector(new CoOccurrenceSettings(MinLift: 0));

        Assert.NotEmpty(lenient.Detect(context));
        Assert.Empty(new CoOccurrenceDetector().Detect(context));
    }

    [Fact]
    public void Light_switched_by_an_automation_is_not_a_human_co_occurrence()
    {
        var events = HallEvenings(new Random(5), 20, (t, entity, state) => Automated(t, entity, state));

        Assert.Empty(new CoOccurrenceDetector().Detect(Context(events)));
    }

    [Fact]
    public void Restorations_after_unavailable_are_not_actions()
    {
        var events = new List<StateChange>();
        foreach (var day in Days(20))
        {
            var t = At(day, 3);
            events.Add(new StateChange(t, Motion, "unavailable", "off", Origin: Origin.System));
            events.Add(new StateChange(t.AddSeconds(5), HallLight, "unavailable", "off", Origin: Origin.System));
            events.Add(Human(t.AddSeconds(30), Motion, "off", "unavailable"));
            events.Add(Human(t.AddSeconds(40), HallLight, "off", "unavailable"));
        }

        Assert.Empty(new CoOccurrenceDetector().Detect(Context(events)));
    }

    [Fact]
    public void Same_behaviour_gets_the_same_id_in_another_run_with_other_noise()
    {
        static string Id(int seed)
        {
            var random = new Random(seed);
            var patterns = new CoOccurrenceDetector().Detect(Context(HallEvenings(random, 20).Concat(Noise(random, 20))));
            return Assert.Single(patterns, p => p.Entities[0] == Motion && p.Entities[1] == HallLight).Id;
        }

        Assert.Equal(Id(10), Id(11));
        Assert.StartsWith("co_occurrence-", Id(10));
    }

    [Fact]
    public void Too_few_days_give_no_pattern()
    {
        Assert.Empty(new CoOccurrenceDetector().Detect(Context(HallEvenings(new Random(6), 2))));
    }

    [Fact]
    public void Duplicated_and_shuffled_deliveries_change_nothing()
    {
        var random = new Random(7);
        var clean = Context(HallEvenings(random, 20).Concat(Noise(random, 20)));
        var messy = clean with { Events = clean.Events.Concat(clean.Events).OrderBy(_ => random.Next()).ToList() };
        var detector = new CoOccurrenceDetector();

        var expected = detector.Detect(clean);
        var actual = detector.Detect(messy);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(p => (p.Id, p.Occurrences, p.Confidence)), actual.Select(p => (p.Id, p.Occurrences, p.Confidence)));
    }
}
