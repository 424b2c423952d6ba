using System.Text.Json;
using Akka.Actor;
using Akka.Event;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Actors.Suggestions;

/// <summary>
/// Holds the latest patterns and suggestions (loaded from L4 on start), stores each new result, publishes
/// <c>&lt;base&gt;/analysis/complete</c> (the run report) for every run and <c>&lt;base&gt;/suggestions/new</c> with
/// the suggestions whose id was not published before (those loaded from L4 count as published), and announces
/// every run on the EventStream. A failed run is announced but replaces nothing.
/// </summary>
public sealed class SuggestionActor : ReceiveActor, IWithUnboundedStash
{
    private readonly IActorRef bridge;
    private readonly ISummaryStore store;
    private readonly string baseTopic;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly HashSet<string> publishedIds = new(StringComparer.Ordinal);
    private IReadOnlyList<Pattern> patterns = [];
    private IReadOnlyList<Suggestion> suggestions = [];
    private AnalysisRunReport? lastRun;

    public SuggestionActor(IActorRef bridge, ISummaryStore store, string baseTopic)
    {
        this.bridge = bridge;
        this.store = store;
        this.baseTopic = baseTopic.TrimEnd('/');
        Loading();
    }

    public IStash Stash { get; set; } = null!;

    public static Props Props(IActorRef bridge, ISummaryStore store, string baseTopic) =>
        Akka.Actor.Props.Create(() => new SuggestionActor(bridge, store, baseTopic));

    public string AnalysisCompleteTopic => $"{baseTopic}/analysis/complete";

    public string NewSuggestionsTopic => $"{baseTopic}/suggestions/new";

    protected override void PreStart() =>
        store.LoadLatestAsync().ContinueWith(
            t => t.IsCompletedSuccessfully
                ? new LatestLoaded(t.Result, null)
                : new LatestLoaded(null, t.Exception?.GetBaseException().Message ?? "load cancelled"),
            TaskScheduler.Default).PipeTo(Self);

    private void Loading()
    {
        Receive<LatestLoaded>(loaded =>
        {
            if (loaded.Error is not null)
            {
                log.Warning("Latest analysis not loaded from the summary store: {Error}", loaded.Error);
            }
            else if (loaded.Latest is { } latest)
            {
                patterns = latest.Patterns;
                suggestions = latest.Suggestions;
                lastRun = latest.Run;
                publishedIds.UnionWith(latest.Suggestions.Select(s => s.Id));
                log.Info("Loaded run {RunId}: {Patterns} patterns, {Suggestions} suggestions", latest.Run.RunId, patterns.Count, suggestions.Count);
            }

            Become(Ready);
            Stash.UnstashAll();
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Ready()
    {
        Receive<PublishAnalysis>(OnPublish);
        Receive<GetSuggestions>(_ => Sender.Tell(new SuggestionsView(suggestions, lastRun)));
        Receive<GetPatterns>(_ => Sender.Tell(new PatternsView(patterns, lastRun)));
        Receive<SaveFailed>(f => log.Error("Run {RunId} not stored in the summary store: {Error}", f.RunId, f.Error));
    }

    private void OnPublish(PublishAnalysis result)
    {
        var report = result.Report;
        if (report.Status != AnalysisRunStatus.Failed)
        {
            patterns = result.Patterns;
            suggestions = result.Suggestions;
            lastRun = report;
            var self = Self;
            store.SaveAnalysisAsync(report, result.Patterns, result.Suggestions).ContinueWith(
                t =>
                {
                    if (!t.IsCompletedSuccessfully)
                    {
                        self.Tell(new SaveFailed(report.RunId, t.Exception?.GetBaseException().Message ?? "save cancelled"));
                    }
                },
                TaskScheduler.Default);
        }

        PublishToMqtt(result);
        Context.System.EventStream.Publish(new AnalysisRunFinished(report, result.Patterns, result.Suggestions));
    }

    private void PublishToMqtt(PublishAnalysis result)
    {
        try
        {
            bridge.Tell(new Publish(AnalysisCompleteTopic, ToJson(w => AnalysisRunReportJson.Write(w, result.Report)), Retain: false));
            var fresh = result.Suggestions.Where(s => !publishedIds.Contains(s.Id)).ToList();
            if (fresh.Count == 0)
            {
                return;
            }

            bridge.Tell(new Publish(NewSuggestionsTopic, ToJson(w =>
            {
                w.WriteStartArray();
                foreach (var suggestion in fresh)
                {
                    SuggestionJson.Write(w, suggestion);
                }

                w.WriteEndArray();
            }), Retain: false));
            publishedIds.UnionWith(fresh.Select(s => s.Id));
        }
        catch (Exception e)
        {
            log.Error(e, "Results of run {RunId} could not be written as JSON for MQTT", result.Report.RunId);
        }
    }

    private static byte[] ToJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private sealed record LatestLoaded(LatestAnalysis? Latest, string? Error);

    private sealed record SaveFailed(string RunId, string Error);
}
