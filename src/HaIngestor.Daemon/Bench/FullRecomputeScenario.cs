using HaIngestor.Domain.Detection;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// ISSUE5 "Speed and memory": full recompute over 30 days / 3,000,000 events in ≤ 10 s with peak RSS ≤ 300 MB.
/// The events are loaded untimed (as the reader gives them: sorted, strings pooled); the timed part runs every
/// Group A (daily) detector over the whole window. The peak includes the events held in memory; start_rss_mb
/// shows how much of it they are.
/// </summary>
public sealed class FullRecomputeScenario : IBenchScenario
{
    private const double TargetMilliseconds = 10_000;
    private const double TargetPeakMegabytes = 300;

    public string Name => "full-recompute-30d";

    public string Description => "all Group A detectors over 30 days of events held in memory";

    public Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken)
    {
        var history = workspace.History();
        workspace.Progress.WriteLine("  loading the events into memory (not timed) ...");
        var home = HomeJsonReader.ReadFile(workspace.HomeFile);
        var events = EventsJsonlReader.ReadFile(workspace.EventsFile, new EventsJsonlReadOptions { EntityAreas = home.EntityAreas }, cancellationToken).Events;
        var detectors = DetectorCatalog.CreateGroup(DetectorGroup.A, new DetectorSettings());
        var context = new DetectionContext(events, home, history.From, history.To);

        var meter = ResourceMeter.Start();
        var patterns = 0;
        foreach (var detector in detectors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            patterns += detector.Detect(context).Count;
        }

        var usage = meter.Stop();
        GC.KeepAlive(events);
        return Task.FromResult(new BenchResult(
            Name,
            null,
            events.Count,
            "events",
            usage,
            history.Events - events.Count,
            $"<= {TargetMilliseconds / 1000:F0} s and peak RSS <= {TargetPeakMegabytes:F0} MB for 3M events",
            workspace.Sizes.IsQuick ? null : usage.WallMilliseconds <= TargetMilliseconds && usage.PeakRssBytes / 1e6 <= TargetPeakMegabytes,
            [
                new("detectors", detectors.Count),
                new("patterns", patterns),
                new("days", (history.To - history.From).TotalDays),
            ]));
    }
}
