using System.Globalization;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

/// <summary>A full recompute from an <see cref="EventBatch"/>, day by day through the daily aggregates, finds exactly what the detectors find over the whole list.</summary>
public sealed class FullRecomputeTests
{
    private static IReadOnlyList<Pattern> OverTheList(IReadOnlyList<StateChange> events, HomeProfile home, DateTimeOffset from, DateTimeOffset to)
    {
        var context = new DetectionContext(events, home, from, to);
        return DetectorCatalog.CreateAll().SelectMany(d => d.Detect(context)).ToList();
    }

    private static EventBatch BatchOf(IEnumerable<StateChange> events)
    {
        var batch = new EventBatch();
        foreach (var e in events)
        {
            batch.Add(e);
        }

        batch.Sort();
        return batch;
    }

    /// <summary>30 simulated days; the windows hold the spring and autumn DST changes and a start off midnight.</summary>
    [Theory]
    [InlineData(1, "2026-03-15T00:00:00+01:00")]
    [InlineData(7, "2026-10-05T00:00:00+02:00")]
    [InlineData(42, "2026-03-20T13:17:00+01:00")]
    public void Simulated_30_days_give_the_same_patterns_as_the_whole_list(int seed, string start)
    {
        var home = SimulatedHome.Create(seed);
        var from = DateTimeOffset.Parse(start, CultureInfo.InvariantCulture);
        var to = from.AddDays(30);
        var events = new HistoryGenerator(home).Generate(from, 30).ToList();

        var expected = OverTheList(events, home.Profile, from, to);
        var recomputed = FullRecompute.Run(BatchOf(events), home.Profile, from, to, DetectorCatalog.CreateAll());

        Assert.NotEmpty(expected);
        Assert.Contains(expected, p => p.Type == TimeOfDayDetector.TypeName);
        Assert.Equal(AggregateEquality.Json(expected), AggregateEquality.Json(recomputed));
    }

    [Fact]
    public void A_window_inside_the_batch_sees_only_its_own_changes_even_when_they_were_added_out_of_order()
    {
        var home = SimulatedHome.Create(5);
        var first = new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.FromHours(1));
        var events = new HistoryGenerator(home).Generate(first, 30).ToList();
        var from = first.AddDays(3).AddHours(11);
        var to = first.AddDays(27).AddHours(5);
        var shuffled = events.OrderBy(e => e.EntityId, StringComparer.Ordinal).ThenBy(e => e.Time).ToList();

        var expected = OverTheList(events.Where(e => e.Time >= from && e.Time < to).ToList(), home.Profile, from, to);
        var recomputed = FullRecompute.Run(BatchOf(shuffled), home.Profile, from, to, DetectorCatalog.CreateAll());

        Assert.NotEmpty(expected);
        Assert.Equal(AggregateEquality.Json(expected), AggregateEquality.Json(recomputed));
    }

    [Fact]
    public void The_days_aggregated_from_the_batch_are_the_days_of_the_list()
    {
        var home = SimulatedHome.Create(3);
        var from = new DateTimeOffset(2026, 10, 20, 0, 0, 0, TimeSpan.FromHours(2));
        var to = from.AddDays(10);
        var events = new HistoryGenerator(home).Generate(from, 10).ToList();

        var fromList = IncrementalAnalysis.Aggregate(events, home.Profile, DetectorCatalog.CreateAll());
        var fromBatch = FullRecompute.Aggregate(BatchOf(events), home.Profile, from, to, DetectorCatalog.CreateAll());

        Assert.Equal(fromList.Select(a => (a.Kind, a.Date, a.EventCount)), fromBatch.Select(a => (a.Kind, a.Date, a.EventCount)));
        Assert.Equal(fromList.Select(a => Convert.ToBase64String(DailyAggregateCodec.Encode(a))), fromBatch.Select(a => Convert.ToBase64String(DailyAggregateCodec.Encode(a))));
    }
}
