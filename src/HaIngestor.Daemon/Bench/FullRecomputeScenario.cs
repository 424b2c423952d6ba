using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// ISSUE5 "Speed and memory": full recompute over 30 days / 3,000,000 events in ≤ 10 s with peak RSS ≤ 300 MB.
/// The events are loaded untimed into a columnar <see cref="EventBatch"/> (about 30 bytes a change); the timed part
/// recomputes the whole window: each local day is made into records and folded into the daily aggregates, as the
/// daily run and <c>analyze</c> fold them, and every Group A (daily) detector works from the aggregates. The peak
/// includes the batch held in memory; start_rss_mb shows how much of it that is.
/// </summary>
public sealed class FullRecomputeScenario : IBenchScenario
{
    private const double TargetMilliseconds = 10_000;
    private const double TargetPeakMegabytes = 300;

    public string Name => "full-recompute-30d";

    public string Description => "all Group A detectors over 30 days of events held in a columnar EventBatch, folded day by day";

    public Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken)
    {
        var history = workspace.History();
        workspace.Progress.WriteLine("  loading the events into an EventBatch (not timed) ...");
        var home = HomeJsonReader.ReadFile(workspace.HomeFile);
        var batch = new EventBatch();
        var read = EventsJsonlReader.ReadFile(workspace.EventsFile, new EventsJsonlReadOptions { EntityAreas = home.EntityAreas }, batch.Add, cancellationToken);
        batch.Sort();
        var repeats = batch.RemoveRepeats();
        batch.TrimExcess();
        var detectors = DetectorCatalog.CreateGroup(DetectorGroup.A, new DetectorSettings());

        // Give the loading's garbage back to the system, as a long-running daemon would have long since done, so
        // the peak measures the batch and the recompute rather than what the reader left behind.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var meter = ResourceMeter.Start();
        var patterns = FullRecompute.Run(batch, home, history.From, history.To, detectors).Count;
        var usage = meter.Stop();
        GC.KeepAlive(batch);
        return Task.FromResult(new BenchResult(
            Name,
            null,
            batch.Count,
            "events",
            usage,
            history.Events - batch.Count - read.Duplicates - repeats,
            $"<= {TargetMilliseconds / 1000:F0} s and peak RSS <= {TargetPeakMegabytes:F0} MB for 3M events",
            workspace.Sizes.IsQuick ? null : usage.WallMilliseconds <= TargetMilliseconds && usage.PeakRssBytes / 1e6 <= TargetPeakMegabytes,
            [
                new("detectors", detectors.Count),
                new("patterns", patterns),
                new("days", (history.To - history.From).TotalDays),
                new("batch_mb", batch.Count * EventBatch.BytesPerChange / 1e6),
            ]));
    }
}
