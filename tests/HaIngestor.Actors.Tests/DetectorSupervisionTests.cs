using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Analysis;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Tests;

public class DetectorSupervisionTests() : TestKit(TestConfig.Patient)
{
    private static readonly DateTimeOffset End = new(2025, 6, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly HomeProfile Home = HomeProfile.ForTimeZone("Europe/Madrid");

    /// <summary>Throws on a poisoned window, works on any other.</summary>
    private static readonly TestDetector PoisonSensitive = new("fragile", DetectorGroup.A, context =>
        context.Events.Any(e => e.EntityId == "sensor.poison")
            ? throw new InvalidOperationException("poisoned input")
            : [TestDetector.PatternFor("fragile-1", "light.hall")]);

    private static readonly TestDetector Steady = new("steady", DetectorGroup.A, _ => [TestDetector.PatternFor("steady-1", "light.kitchen")]);

    private static DetectionContext Context(params string[] entities) =>
        new(entities.Select((e, i) => new StateChange(End.AddHours(-i - 1), e, "on")).OrderBy(e => e.Time).ToList(), Home, End.AddDays(-7), End);

    [Fact]
    public void A_throwing_detector_is_reported_failed_then_restarted_and_answers_the_next_request()
    {
        var group = Sys.ActorOf(DetectorGroupActor.Props(DetectorGroup.A, [PoisonSensitive, Steady]));

        group.Tell(new RunDetectors(1, Context("light.kitchen", "sensor.poison"), TimeSpan.FromSeconds(30)), TestActor);
        var poisoned = ExpectMsg<GroupDetectionResult>();
        Assert.Equal(["steady-1"], poisoned.Patterns.Select(p => p.Id));
        var failure = Assert.Single(poisoned.Failures);
        Assert.Equal("fragile", failure.Key);
        Assert.Contains("poisoned input", failure.Value);

        group.Tell(new RunDetectors(2, Context("light.kitchen"), TimeSpan.FromSeconds(30)), TestActor);
        var healthy = ExpectMsg<GroupDetectionResult>();
        Assert.Empty(healthy.Failures);
        Assert.Equal(["fragile-1", "steady-1"], healthy.Patterns.Select(p => p.Id).Order());
    }

    [Fact]
    public void A_detector_that_misses_the_deadline_is_a_failure()
    {
        var release = new ManualResetEventSlim();
        var slow = new TestDetector("slow", DetectorGroup.A, _ =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return [TestDetector.PatternFor("slow-1", "light.x")];
        });
        var group = Sys.ActorOf(DetectorGroupActor.Props(DetectorGroup.A, [slow, Steady]));

        group.Tell(new RunDetectors(1, Context("light.kitchen"), TimeSpan.FromMilliseconds(200)), TestActor);
        var result = ExpectMsg<GroupDetectionResult>();
        release.Set();

        Assert.Equal(["steady-1"], result.Patterns.Select(p => p.Id));
        Assert.Equal("slow", Assert.Single(result.Failures).Key);
    }

    [Fact]
    public void A_run_with_a_throwing_detector_is_partial_keeps_the_other_patterns_and_records_the_failure()
    {
        var store = new InMemoryEventStore(Context("light.kitchen", "sensor.poison").Events);
        var devices = CreateTestProbe();
        devices.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is GetCapabilities)
            {
                sender.Tell(new CapabilitySnapshot([], null));
            }

            if (message is GetDeviceUsage)
            {
                sender.Tell(new DeviceUsageView([]));
            }

            return AutoPilot.KeepRunning;
        }));
        var suggestions = CreateTestProbe();
        var request = new AnalysisRunRequest("r1", "on-demand", "test", End.AddDays(-7), End);
        var time = new ManualTimeProvider(End);

        Sys.ActorOf(
            AnalysisRunActor.Props(request, new AnalysisSettings(), Home, store, devices, suggestions, [PoisonSensitive, Steady], time, TestActor),
            "run-r1");

        var report = ExpectMsg<AnalysisRunCompleted>().Report;
        Assert.Equal(AnalysisRunStatus.Partial, report.Status);
        Assert.Contains(report.Failures, f => f.Key == "fragile" && f.Value.Contains("poisoned input"));
        Assert.Equal(2, report.EventCount);
        Assert.Equal(1, report.PatternCount);
        Assert.Equal(
            ["capabilities", "fetch", "detect", "features", "suggestions", "publish"],
            report.PhaseMilliseconds.Select(p => p.Key));

        var published = suggestions.ExpectMsg<PublishAnalysis>();
        Assert.Equal(report, published.Report);
        Assert.Equal(["steady-1"], published.Patterns.Select(p => p.Id));
    }

    [Fact]
    public void A_run_whose_events_cannot_be_read_fails()
    {
        var store = new FailingReadStore();
        var devices = CreateTestProbe();
        var suggestions = CreateTestProbe();
        var request = new AnalysisRunRequest("r2", "daily", "schedule", End.AddDays(-7), End);

        Sys.ActorOf(AnalysisRunActor.Props(
            request, new AnalysisSettings { CapabilityTimeout = TimeSpan.FromMilliseconds(100) }, Home, store, devices, suggestions, [Steady], new ManualTimeProvider(End), TestActor));

        var report = ExpectMsg<AnalysisRunCompleted>().Report;
        Assert.Equal(AnalysisRunStatus.Failed, report.Status);
        Assert.Contains(report.Failures, f => f.Key == "fetch" && f.Value.Contains("database is locked"));
        Assert.Contains(report.Failures, f => f.Key == "capabilities");
    }

    private sealed class FailingReadStore : IEventStore
    {
        public Task AppendAsync(IReadOnlyList<StateChange> batch, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<StateChange>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            Task.FromException<IReadOnlyList<StateChange>>(new IOException("database is locked"));

        public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0);

        public Task<L1WriteLog> WriteLogAsync(CancellationToken cancellationToken = default) =>
            Task.FromException<L1WriteLog>(new IOException("database is locked"));

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(0L);
    }
}
