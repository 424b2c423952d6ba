using System.Diagnostics;
using HaIngestor.Daemon.Cli;
using HaIngestor.Domain.Detection;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// ISSUE5 "Speed and memory": <c>analyze</c> over a 3M-event events.jsonl, as fast as the file can be read. Times
/// what the verb does (read home.json and events.jsonl, run every detector, build suggestions) and, for
/// comparison, a plain read of the same file's bytes.
/// </summary>
public sealed class AnalyzeEventsScenario : IBenchScenario
{
    private const int Top = 10;

    public string Name => "analyze-3m";

    public string Description => "analyze: EventsJsonlReader + all detectors + suggestions over the simulated events.jsonl";

    public Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken)
    {
        var history = workspace.History();
        var fileBytes = new FileInfo(workspace.EventsFile).Length;
        var rawReadMs = TimeRawRead(workspace.EventsFile);

        var meter = ResourceMeter.Start();
        var home = HomeJsonReader.ReadFile(workspace.HomeFile);
        var file = OfflineAnalysis.AnalyzeFile(workspace.EventsFile, home, null, null, DetectorCatalog.CreateAll(), Top, cancellationToken);
        var usage = meter.Stop();
        var (read, result, readMs) = (file.Read, file.Analysis, file.LoadMilliseconds);

        return Task.FromResult(new BenchResult(
            Name,
            null,
            file.Events,
            "events",
            usage,
            history.Events - file.Events,
            "as fast as the file can be read (see read vs raw_read MB/s)",
            null,
            [
                new("file_mb", fileBytes / 1e6),
                new("read_and_fold_ms", readMs),
                new("streamed", file.Streamed ? 1 : 0),
                new("parsing_threads", EventsJsonlReader.ParsingThreads),
                new("read_and_fold_mb_per_s", fileBytes / 1e6 / (readMs / 1000)),
                new("raw_read_mb_per_s", fileBytes / 1e6 / (rawReadMs / 1000)),
                new("detect_ms", result.DetectMilliseconds),
                new("suggest_ms", result.SuggestMilliseconds),
                new("skipped_lines", read.SkippedLines),
                new("patterns", result.Patterns.Count),
                new("suggestions", result.Suggestions.Count),
                new("detector_failures", result.Failures.Count),
            ]));
    }

    /// <summary>Milliseconds to read the file's bytes and do nothing with them: the floor for the reader.</summary>
    private static double TimeRawRead(string path)
    {
        var buffer = new byte[1 << 16];
        var watch = Stopwatch.StartNew();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        while (stream.Read(buffer) > 0)
        {
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
