using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Analysis;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Tests;

/// <summary>Phase 4 of a run against a real device manager: utilisation in the report, unused features in the suggestions.</summary>
public sealed class FeatureAnalysisPhaseTests() : TestKit(TestConfig.InMemoryPersistence)
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 2, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_light_only_ever_switched_gives_half_utilisation_and_a_night_dimming_suggestion()
    {
        var manager = Sys.ActorOf(DeviceManagerActor.Props(CreateTestProbe(), CreateTestProbe(), "zigbee2mqtt", "ha-ai", 10, new ManualTimeProvider(T0)));
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        for (var i = 0; i < 7; i++)
        {
            var state = i % 2 == 0 ? "OFF" : "ON";
            manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State($$"""{"state":"{{state}}","brightness":180}"""), T0.AddMinutes(i)));
        }

        var suggestions = CreateTestProbe();
        var request = new AnalysisRunRequest("r-features", "on-demand", "test", T0.AddDays(-7), T0.AddHours(1));
        Sys.ActorOf(AnalysisRunActor.Props(
            request, new AnalysisSettings(), HomeProfile.ForTimeZone("UTC"), new InMemoryEventStore(), manager, suggestions, [],
            new ManualTimeProvider(T0.AddHours(1)), TestActor));

        var report = ExpectMsg<AnalysisRunCompleted>().Report;
        Assert.Equal(AnalysisRunStatus.Completed, report.Status);
        // state and brightness are controllable; only state changed.
        Assert.Equal(0.5, report.Utilisation);
        var published = suggestions.ExpectMsg<PublishAnalysis>();
        var dimming = Assert.Single(published.Suggestions);
        Assert.Equal("Dim hall/ceiling when it is turned on at night", dimming.Title);
        Assert.Equal("light.hall_ceiling", (string?)dimming.Automation["actions"]![0]!["target"]!["entity_id"]);
        Assert.Equal(SafetyLevel.Safe, dimming.Safety.Level);
        Assert.Equal(1, report.SuggestionCount);
    }

    [Fact]
    public void A_feature_used_only_before_the_runs_window_counts_as_unused()
    {
        var manager = Sys.ActorOf(DeviceManagerActor.Props(CreateTestProbe(), CreateTestProbe(), "zigbee2mqtt", "ha-ai", 10, new ManualTimeProvider(T0)));
        manager.Tell(new DeviceListReceived(DeviceLists.With("hall/ceiling")));
        var sixtyDaysAgo = T0.AddDays(-60);
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"OFF","brightness":180}"""), sixtyDaysAgo));
        manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State("""{"state":"ON","brightness":60}"""), sixtyDaysAgo.AddMinutes(1)));
        for (var i = 0; i < 6; i++)
        {
            var state = i % 2 == 0 ? "OFF" : "ON";
            manager.Tell(new DeviceStateReceived("hall/ceiling", DeviceLists.State($$"""{"state":"{{state}}","brightness":60}"""), T0.AddMinutes(i)));
        }

        var suggestions = CreateTestProbe();
        var request = new AnalysisRunRequest("r-window", "on-demand", "test", T0.AddDays(-30), T0.AddHours(1));
        Sys.ActorOf(AnalysisRunActor.Props(
            request, new AnalysisSettings(), HomeProfile.ForTimeZone("UTC"), new InMemoryEventStore(), manager, suggestions, [],
            new ManualTimeProvider(T0.AddHours(1)), TestActor));

        var report = ExpectMsg<AnalysisRunCompleted>().Report;
        // Brightness changed sixty days ago and not since: within the 30-day window only the state is used.
        Assert.Equal(0.5, report.Utilisation);
        var dimming = Assert.Single(suggestions.ExpectMsg<PublishAnalysis>().Suggestions);
        Assert.Equal("Dim hall/ceiling when it is turned on at night", dimming.Title);
    }

    [Fact]
    public void A_device_manager_that_does_not_answer_makes_the_run_partial_without_utilisation()
    {
        var silent = CreateTestProbe();
        var request = new AnalysisRunRequest("r-silent", "on-demand", "test", T0.AddDays(-7), T0);
        Sys.ActorOf(AnalysisRunActor.Props(
            request, new AnalysisSettings { CapabilityTimeout = TimeSpan.FromMilliseconds(100) }, HomeProfile.ForTimeZone("UTC"),
            new InMemoryEventStore(), silent, CreateTestProbe(), [], new ManualTimeProvider(T0), TestActor));

        var report = ExpectMsg<AnalysisRunCompleted>().Report;
        Assert.Equal(AnalysisRunStatus.Partial, report.Status);
        Assert.Null(report.Utilisation);
        Assert.Contains(report.Failures, f => f.Key == AnalysisRunActor.FeaturesPhase);
    }
}
