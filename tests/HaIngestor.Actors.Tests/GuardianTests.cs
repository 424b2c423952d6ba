using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Tests;

/// <summary>The whole tree wired as the daemon wires it, with in-memory stores and no broker.</summary>
public class GuardianTests() : TestKit(TestConfig.InMemoryPersistence)
{
    [Fact]
    public void An_on_demand_run_goes_through_the_tree_and_is_announced_and_listed()
    {
        var now = DateTimeOffset.Parse("2025-06-10T10:00:00Z");
        var store = new InMemoryEventStore([new StateChange(now.AddHours(-5), "light.hall", "on")]);
        var settings = new HaIngestorSettings
        {
            Mqtt = new MqttSettings { Port = FreePort.Next(), Password = "secret-password" },
            Analysis = new AnalysisSettings { CapabilityTimeout = TimeSpan.FromSeconds(2) },
        };
        IReadOnlyList<IPatternDetector> detectors = [new TestDetector("steady", DetectorGroup.A, _ => [TestDetector.PatternFor("steady-1", "light.hall")])];
        Sys.EventStream.Subscribe(TestActor, typeof(AnalysisRunFinished));
        var guardian = Sys.ActorOf(
            HaIngestorGuardian.Props(settings, store, new InMemorySummaryStore(), new ManualTimeProvider(now), detectors),
            HaIngestorGuardian.Name);

        guardian.Tell(new RunAnalysisNow("demo"), TestActor);
        var accepted = ExpectMsg<AnalysisRunAccepted>(TimeSpan.FromSeconds(10));
        var finished = ExpectMsg<AnalysisRunFinished>(TimeSpan.FromSeconds(10));

        Assert.Equal(accepted.RunId, finished.Report.RunId);
        Assert.Equal(1, finished.Report.EventCount);
        Assert.Equal(["steady-1"], finished.Patterns.Select(p => p.Id));
        AwaitAssert(() =>
        {
            guardian.Tell(GetRunHistory.Instance, TestActor);
            Assert.Equal(accepted.RunId, ExpectMsg<RunHistory>().Runs.Single().RunId);
        });
        guardian.Tell(GetPatterns.Instance, TestActor);
        Assert.Equal(["steady-1"], ExpectMsg<PatternsView>().Patterns.Select(p => p.Id));
        guardian.Tell(GetStatus.Instance, TestActor);
        var status = ExpectMsg<HaIngestorStatus>(TimeSpan.FromSeconds(10));
        Assert.NotEqual(MqttConnectionState.Connected, status.Bridge?.State);
        Assert.Equal(1, status.Scheduler?.RunsStarted);
    }

    [Fact]
    public void Settings_never_print_the_mqtt_password()
    {
        var settings = new HaIngestorSettings { Mqtt = new MqttSettings { Username = "ha", Password = "secret-password" } };
        Assert.DoesNotContain("secret-password", settings.ToString());
        Assert.Contains("Username = ha", settings.ToString());
    }
}
