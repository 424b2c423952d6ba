using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Evaluation;
using HaIngestor.Domain.Events;
using static HaIngestor.Domain.Tests.Detection.Activity;

namespace HaIngestor.Domain.Tests.Evaluation;

public sealed class AdlRecoveryTests
{
    [Fact]
    public void A_concentrated_activity_is_recovered_by_a_routine_of_the_sensor_used_during_it()
    {
        var events = new List<StateChange>();
        var breakfasts = new List<(DateTimeOffset, DateTimeOffset)>();
        var random = new Random(3);
        foreach (var day in Days(20))
        {
            var start = At(day, 8 + (random.NextDouble() * 0.3));
            breakfasts.Add((start, start.AddMinutes(15)));
            events.Add(Human(start.AddMinutes(2), "binary_sensor.toaster", "on", "off"));
            events.Add(Human(start.AddMinutes(5), "binary_sensor.toaster", "off", "on"));
            var tv = At(day, 12 + (random.NextDouble() * 8));
            events.Add(Human(tv, "binary_sensor.seat", "on", "off"));
            events.Add(Human(tv.AddMinutes(30), "binary_sensor.seat", "off", "on"));
        }

        var patterns = new TimeOfDayDetector().Detect(Context(events));
        var breakfast = new AdlActivity("Breakfast", 20, (8 * 60) + 9, 0.99, breakfasts);
        var nap = new AdlActivity("Nap", 20, 15 * 60, 0.99, [.. breakfasts.Select(b => (b.Item1.AddHours(7), b.Item2.AddHours(7)))]);

        var rows = new AdlRecovery().Assess([breakfast, nap], events.OrderBy(e => e.Time).ToList(), patterns);

        var found = Assert.Single(rows, r => r.Activity.Name == "Breakfast");
        Assert.Equal(["binary_sensor.toaster"], found.TiedEntities);
        Assert.True(found.Recovered);
        Assert.InRange(found.DistanceMinutes!.Value, 0, 30);
        var missed = Assert.Single(rows, r => r.Activity.Name == "Nap");
        Assert.False(missed.Recovered);
    }
}
