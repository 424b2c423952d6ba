using System.Diagnostics;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// The analysis without the actor system, for the <c>analyze</c> verb: the same detectors and suggestion
/// engine as the daemon's run. A detector that throws is reported and the others still count.
/// </summary>
public static class OfflineAnalysis
{
    public sealed record Result(
        IReadOnlyList<Pattern> Patterns,
        IReadOnlyList<Suggestion> Suggestions,
        IReadOnlyList<KeyValuePair<string, string>> Failures,
        double DetectMilliseconds,
        double SuggestMilliseconds,
        CheckedAgainstHomeAssistant? Automations = null);

    /// <summary>What analysing a file gave: the result, what reading met, the window and the event count.</summary>
    public sealed record FileResult(Result Analysis, EventsJsonlReadResult Read, DateTimeOffset From, DateTimeOffset To, int Events, double LoadMilliseconds, bool Streamed);

    /// <summary>
    /// Analyses an events.jsonl file. Streamed: each local day is folded into daily aggregates as it is read, so
    /// memory holds a day or two of events, not the file. Only a file too far out of time order (or a detector
    /// that needs raw events) makes it read the events into a columnar <see cref="EventBatch"/> and sort that. With
    /// <paramref name="automations"/>, suggestions they already cover are left out (see <see cref="OfflineAutomationCheck"/>).
    /// </summary>
    public static FileResult AnalyzeFile(string eventsPath, HomeProfile home, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyList<IPatternDetector> detectors, int top, CancellationToken cancellationToken = default, HaAutomationCatalog? automations = null)
    {
        var watch = Stopwatch.StartNew();
        var readOptions = new EventsJsonlReadOptions { From = from, To = to, EntityAreas = home.EntityAreas };
        var aggregator = new DailyAggregator(home, detectors);
        DateTimeOffset? first = null, last = null;
        var read = EventsJsonlReader.ReadFile(eventsPath, readOptions, change =>
        {
            aggregator.Add(change);
            first = first is { } f && f <= change.Time ? f : change.Time;
            last = last is { } l && l >= change.Time ? l : change.Time;
        }, cancellationToken);
        var streamed = aggregator.LateEvents == 0 && aggregator.CoversAllDetectors;
        var windowFrom = from ?? first ?? DateTimeOffset.UnixEpoch;
        var windowTo = to ?? last?.AddMilliseconds(1) ?? windowFrom;
        if (streamed)
        {
            var aggregates = aggregator.Complete();
            var loadMs = watch.Elapsed.TotalMilliseconds;
            return new FileResult(RunOnAggregates(aggregates, home, windowFrom, windowTo, detectors, top, automations), read, windowFrom, windowTo, (int)aggregator.Events, loadMs, Streamed: true);
        }

        // Out of time order (or a detector needs raw events): read again into a compact batch and sort that, which
        // counts the same repeats as sorting the events themselves would.
        var batch = new EventBatch();
        read = EventsJsonlReader.ReadFile(eventsPath, readOptions, batch.Add, cancellationToken);
        batch.Sort();
        read = read with { Duplicates = read.Duplicates + batch.RemoveRepeats() };
        var context = aggregator.CoversAllDetectors
            ? new DetectionContext([], home, windowFrom, windowTo) { Aggregates = IncrementalAnalysis.ByKind(FullRecompute.Aggregate(batch, home, windowFrom, windowTo, detectors)) }
            : new DetectionContext(batch.Slice(windowFrom, windowTo), home, windowFrom, windowTo);
        var sortedMs = watch.Elapsed.TotalMilliseconds;
        return new FileResult(Run(context, detectors, top, automations), read, windowFrom, windowTo, batch.Count, sortedMs, Streamed: false);
    }

    public static Result Run(IReadOnlyList<StateChange> events, HomeProfile home, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IPatternDetector> detectors, int top) =>
        Run(new DetectionContext(events, home, from, to), detectors, top, null);

    /// <summary>The same analysis from daily aggregates (a streamed file), for detectors that all work from them.</summary>
    public static Result RunOnAggregates(IReadOnlyList<DailyAggregate> aggregates, HomeProfile home, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IPatternDetector> detectors, int top, HaAutomationCatalog? automations = null) =>
        Run(new DetectionContext([], home, from, to) { Aggregates = IncrementalAnalysis.ByKind(aggregates) }, detectors, top, automations);

    private static Result Run(DetectionContext context, IReadOnlyList<IPatternDetector> detectors, int top, HaAutomationCatalog? automations)
    {
        var home = context.Home;
        var patterns = new List<Pattern>();
        var failures = new List<KeyValuePair<string, string>>();
        var watch = Stopwatch.StartNew();
        foreach (var detector in detectors)
        {
            try
            {
                patterns.AddRange(detector.Detect(context));
            }
            catch (Exception e)
            {
                failures.Add(new(detector.Name, e.Message));
            }
        }

        var detectMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        if (automations is null)
        {
            return new Result(patterns, SuggestionEngine.Build(patterns, home, top), failures, detectMs, watch.Elapsed.TotalMilliseconds);
        }

        var (suggestions, checkedAutomations) = OfflineAutomationCheck.Suggest(patterns, home, top, automations);
        return new Result(patterns, suggestions, failures, detectMs, watch.Elapsed.TotalMilliseconds, checkedAutomations);
    }
}
