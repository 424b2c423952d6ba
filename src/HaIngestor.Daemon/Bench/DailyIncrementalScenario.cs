using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// ISSUE5 "Speed and memory": a daily incremental run over the last day's new events (about 100,000 at full size)
/// on top of the L2 aggregates of the 29 days before it, in ≤ 1 s. The 29 days are aggregated untimed, as earlier
/// nightly runs would have; the timed part aggregates the new day and detects from all 30 days of aggregates.
/// The patterns are compared (untimed) with a full recompute over the raw events of the same window.
/// </summary>
public sealed class DailyIncrementalScenario : IBenchScenario
{
    private const double TargetMilliseconds = 1_000;

    public string Name => "daily-incremental";

    public string Description => "daily run over the last day's new events on 29 days of L2 aggregates";

    public Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken)
    {
        var window = workspace.History();
        workspace.Progress.WriteLine("  aggregating the 29 earlier days (not timed) ...");
        var home = HomeJsonReader.ReadFile(workspace.HomeFile);
        var events = EventsJsonlReader.ReadFile(workspace.EventsFile, new EventsJsonlReadOptions { EntityAreas = home.EntityAreas }, cancellationToken).Events;
        var detectors = DetectorCatalog.CreateGroup(DetectorGroup.A, new DetectorSettings());
        // The new events: the last 24 hours, from the local midnight that starts them (days aggregate whole).
        var lastDayStart = home.Calendar.StartOfDay(home.Calendar.LocalDate(window.To.AddHours(-24)));
        var earlier = events.Where(e => e.Time < lastDayStart).ToList();
        var newDay = events.Where(e => e.Time >= lastDayStart).ToList();
        var history = IncrementalAnalysis.Aggregate(earlier, home, detectors);

        var meter = ResourceMeter.Start();
        var result = IncrementalAnalysis.Run(history, newDay, home, window.From, window.To, detectors);
        var usage = meter.Stop();

        workspace.Progress.WriteLine("  full recompute for comparison (not timed) ...");
        var full = detectors.SelectMany(d => d.Detect(new DetectionContext(events, home, window.From, window.To))).ToList();
        var same = full.Count == result.Patterns.Count && full.Zip(result.Patterns, (a, b) => a.Id == b.Id && a.Occurrences == b.Occurrences && a.Confidence.Equals(b.Confidence)).All(same => same);
        return Task.FromResult(new BenchResult(
            Name,
            null,
            newDay.Count,
            "new events",
            usage,
            0,
            $"<= {TargetMilliseconds / 1000:F0} s over the new day",
            workspace.Sizes.IsQuick ? null : usage.WallMilliseconds <= TargetMilliseconds,
            [
                new("aggregated_days", history.Select(a => a.Date).Distinct().Count()),
                new("aggregated_events", earlier.Count),
                new("patterns", result.Patterns.Count),
                new("same_as_full_recompute", same ? 1 : 0),
            ]));
    }
}
