using System.Diagnostics;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;

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
        double SuggestMilliseconds);

    public static Result Run(IReadOnlyList<StateChange> events, HomeProfile home, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IPatternDetector> detectors, int top) =>
        Run(new DetectionContext(events, home, from, to), detectors, top);

    /// <summary>The same analysis from daily aggregates (a streamed file), for detectors that all work from them.</summary>
    public static Result RunOnAggregates(IReadOnlyList<DailyAggregate> aggregates, HomeProfile home, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IPatternDetector> detectors, int top) =>
        Run(new DetectionContext([], home, from, to) { Aggregates = IncrementalAnalysis.ByKind(aggregates) }, detectors, top);

    private static Result Run(DetectionContext context, IReadOnlyList<IPatternDetector> detectors, int top)
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
        var suggestions = SuggestionEngine.Build(patterns, home, top);
        return new Result(patterns, suggestions, failures, detectMs, watch.Elapsed.TotalMilliseconds);
    }
}
