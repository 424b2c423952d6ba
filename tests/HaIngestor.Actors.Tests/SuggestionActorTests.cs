using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Suggestions;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Actors.Tests;

public class SuggestionActorTests() : TestKit(TestConfig.Patient)
{
    private static readonly DateTimeOffset End = new(2025, 6, 10, 1, 0, 0, TimeSpan.Zero);

    private static AnalysisRunReport Report(string id, AnalysisRunStatus status) =>
        new(id, "daily", "schedule", End, End.AddSeconds(2), End.AddDays(-7), End, status, [], 10, 1, 1, []);

    private static Suggestion SuggestionFor(string id) =>
        new(id, "Hall light at 07:00", "You turn it on at 07:00", 0.8, ["p1"],
            new JsonObject { ["alias"] = "Hall light at 07:00" }, "alias: Hall light at 07:00\n", new SafetyAssessment(SafetyLevel.Safe, []));

    [Fact]
    public void A_run_is_stored_published_on_mqtt_and_announced_and_only_new_suggestions_are_published_again()
    {
        var bridge = CreateTestProbe();
        var store = new InMemorySummaryStore();
        Sys.EventStream.Subscribe(TestActor, typeof(AnalysisRunFinished));
        var actor = Sys.ActorOf(SuggestionActor.Props(bridge, store, "ha-ai"));
        var patterns = new[] { TestDetector.PatternFor("p1", "light.hall") };

        actor.Tell(new PublishAnalysis(Report("r1", AnalysisRunStatus.Completed), patterns, [SuggestionFor("s1")]));

        var complete = bridge.ExpectMsg<Publish>();
        Assert.Equal("ha-ai/analysis/complete", complete.Topic);
        Assert.Equal("r1", AnalysisRunReportJson.Read(JsonDocument.Parse(complete.Payload).RootElement).RunId);
        var fresh = bridge.ExpectMsg<Publish>();
        Assert.Equal("ha-ai/suggestions/new", fresh.Topic);
        Assert.Equal(["s1"], JsonDocument.Parse(fresh.Payload).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("r1", ExpectMsg<AnalysisRunFinished>().Report.RunId);

        actor.Tell(new PublishAnalysis(Report("r2", AnalysisRunStatus.Completed), patterns, [SuggestionFor("s1"), SuggestionFor("s2")]));
        Assert.Equal("ha-ai/analysis/complete", bridge.ExpectMsg<Publish>().Topic);
        var second = bridge.ExpectMsg<Publish>();
        Assert.Equal(["s2"], JsonDocument.Parse(second.Payload).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        ExpectMsg<AnalysisRunFinished>();

        actor.Tell(GetSuggestions.Instance, TestActor);
        var view = ExpectMsg<SuggestionsView>();
        Assert.Equal(["s1", "s2"], view.Suggestions.Select(s => s.Id));
        Assert.Equal("r2", view.LastRun?.RunId);
        AwaitAssert(() => Assert.Equal(["r1", "r2"], store.Saved.Select(s => s.Run.RunId)));
    }

    [Fact]
    public async Task A_failed_run_is_announced_but_keeps_the_previous_results()
    {
        var store = new InMemorySummaryStore();
        await store.SaveAnalysisAsync(Report("r1", AnalysisRunStatus.Completed), [TestDetector.PatternFor("p1", "light.hall")], [SuggestionFor("s1")]);
        Sys.EventStream.Subscribe(TestActor, typeof(AnalysisRunFinished));
        var actor = Sys.ActorOf(SuggestionActor.Props(CreateTestProbe(), store, "ha-ai"));

        actor.Tell(new PublishAnalysis(Report("r2", AnalysisRunStatus.Failed), [], []));
        Assert.Equal(AnalysisRunStatus.Failed, ExpectMsg<AnalysisRunFinished>().Report.Status);

        actor.Tell(GetPatterns.Instance, TestActor);
        var view = ExpectMsg<PatternsView>();
        Assert.Equal(["p1"], view.Patterns.Select(p => p.Id));
        Assert.Equal("r1", view.LastRun?.RunId);
        Assert.Single(store.Saved);
    }
}
