using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

public sealed class DailyAggregatorTests
{
    private static readonly DateTimeOffset Start = new(2024, 10, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Folding_a_stream_day_by_day_finds_what_the_whole_window_finds()
    {
        var home = SimulatedHome.Create(3);
        var events = new HistoryGenerator(home).Generate(Start, 30).ToList();
        var detectors = DetectorCatalog.CreateAll();
        var aggregator = new DailyAggregator(home.Profile, detectors);
        foreach (var change in events)
        {
            aggregator.Add(change);
        }

        var end = Start.AddDays(30);
        var context = new DetectionContext([], home.Profile, Start, end) { Aggregates = IncrementalAnalysis.ByKind(aggregator.Complete()) };
        var streamed = detectors.SelectMany(d => d.Detect(context)).Select(p => (p.Id, p.Occurrences, p.Confidence)).ToList();
        var whole = detectors.SelectMany(d => d.Detect(new DetectionContext(events, home.Profile, Start, end))).Select(p => (p.Id, p.Occurrences, p.Confidence)).ToList();

        Assert.True(aggregator.CoversAllDetectors);
        Assert.Equal(0, aggregator.LateEvents);
        Assert.Equal(events.Count, aggregator.Events);
        Assert.NotEmpty(whole);
        Assert.Equal(whole, streamed);
    }

    [Fact]
    public void An_event_for_a_day_already_closed_is_counted_as_late_not_folded_in()
    {
        var home = SimulatedHome.Create(3);
        var events = new HistoryGenerator(home).Generate(Start, 5).ToList();
        var aggregator = new DailyAggregator(home.Profile, DetectorCatalog.CreateAll());
        foreach (var change in events)
        {
            aggregator.Add(change);
        }

        aggregator.Add(events[0]);

        Assert.Equal(1, aggregator.LateEvents);
        Assert.Equal(events.Count, aggregator.Events);
    }
}
