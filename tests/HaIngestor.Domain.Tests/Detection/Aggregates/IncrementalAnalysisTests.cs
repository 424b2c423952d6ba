using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Tests.Storage;
using HaIngestor.Simulation;
using HaIngestor.Storage.Aggregates;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

public sealed class IncrementalAnalysisTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(19)]
    public async Task Incremental_result_equals_a_full_recompute_over_the_same_30_days(int seed)
    {
        var home = SimulatedHome.Create(seed);
        var calendar = home.Profile.Calendar;
        var from = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(1));
        var to = calendar.StartOfDay(new DateOnly(2026, 4, 8));
        var lastDay = calendar.StartOfDay(new DateOnly(2026, 4, 7));
        var events = new HistoryGenerator(home).Generate(from, 30).Where(e => e.Time < to).ToList();
        var detectors = AggregateEquality.AllDetectors();
        using var scratch = new ScratchDirectory();
        var store = new SqliteAggregateStore(scratch.SqliteConnectionString());

        var first29 = IncrementalAnalysis.Aggregate(events.Where(e => e.Time < lastDay).ToList(), home.Profile, detectors);
        await store.SaveAsync(first29.Select(a => StoredAggregate.Of(a, "fp", 0)).ToList());
        var history = new List<DailyAggregate>();
        foreach (var kind in DailyAggregateCodec.Kinds)
        {
            foreach (var row in await store.LoadAsync(kind, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 6)))
            {
                Assert.True(DailyAggregateCodec.TryDecode(row.Kind, row.Date, row.Payload, out var aggregate, out var error), error);
                history.Add(aggregate);
            }
        }

        var incremental = IncrementalAnalysis.Run(history, events.Where(e => e.Time >= lastDay).ToList(), home.Profile, from, to, detectors.ToList());
        var full = detectors.SelectMany(d => d.Detect(new Domain.Detection.DetectionContext(events, home.Profile, from, to))).ToList();

        Assert.Equal(29 * 2, history.Count);
        Assert.Equal(2, incremental.NewAggregates.Count);
        Assert.All(incremental.NewAggregates, a => Assert.Equal(new DateOnly(2026, 4, 7), a.Date));
        Assert.Contains(full, p => p.Type == TimeOfDayDetector.TypeName);
        Assert.Contains(full, p => p.Type == SequenceDetector.TypeName);
        Assert.Equal(AggregateEquality.Json(full), AggregateEquality.Json(incremental.Patterns));
    }

    [Fact]
    public void Missing_history_changes_the_result()
    {
        var home = SimulatedHome.Create(3);
        var from = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1));
        var to = from.AddDays(20);
        var events = new HistoryGenerator(home).Generate(from, 20).Where(e => e.Time < to).ToList();
        var detectors = AggregateEquality.AllDetectors().ToList();
        var lastDay = from.AddDays(19);
        var history = IncrementalAnalysis.Aggregate(events.Where(e => e.Time < lastDay).ToList(), home.Profile, detectors);

        var withHistory = IncrementalAnalysis.Run(history, events.Where(e => e.Time >= lastDay).ToList(), home.Profile, from, to, detectors);
        var withoutHistory = IncrementalAnalysis.Run([], events.Where(e => e.Time >= lastDay).ToList(), home.Profile, from, to, detectors);

        Assert.Contains(withHistory.Patterns, p => p.Type == TimeOfDayDetector.TypeName);
        Assert.DoesNotContain(withoutHistory.Patterns, p => p.Type == TimeOfDayDetector.TypeName);
    }
}
