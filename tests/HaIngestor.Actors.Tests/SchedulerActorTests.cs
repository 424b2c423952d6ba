using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Scheduling;
using HaIngestor.Actors.Tests.Support;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Time;

namespace HaIngestor.Actors.Tests;

public class SchedulerActorTests() : TestKit(TestConfig.InMemoryPersistence)
{
    private static readonly HaIngestorSettings Settings = new()
    {
        Home = HomeProfile.ForTimeZone("Europe/Madrid"),
        Analysis = new AnalysisSettings { CapabilityTimeout = TimeSpan.FromMilliseconds(200) },
    };

    private static readonly IReadOnlyList<IPatternDetector> Detectors =
        [new TestDetector("steady", DetectorGroup.A, _ => [TestDetector.PatternFor("steady-1", "light.kitchen")])];

    private IActorRef StartScheduler(InMemoryEventStore store, IActorRef suggestions, TimeProvider time, string name) =>
        Sys.ActorOf(SchedulerActor.Props(Settings, store, CreateTestProbe(), CreateTestProbe(), suggestions, Detectors, time), name);

    [Fact]
    public void The_next_daily_run_is_at_three_local_time()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2025-03-29T12:00:00Z"));
        var scheduler = StartScheduler(new InMemoryEventStore(), CreateTestProbe(), time, "scheduler");

        scheduler.Tell(GetSchedule.Instance, TestActor);

        var daily = ExpectMsg<ScheduleView>().Runs.Single(r => r.Kind == RunKinds.Daily);
        Assert.Equal("0 3 * * *", daily.Cron);
        Assert.Equal(DateTimeOffset.Parse("2025-03-30T01:00:00Z"), daily.NextAt);
    }

    [Fact]
    public void A_missed_daily_run_is_caught_up_on_start_and_recorded()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2025-06-10T10:00:00Z"));
        var store = new InMemoryEventStore();
        var suggestions = CreateTestProbe();
        var first = StartScheduler(store, suggestions, time, "scheduler-1");

        first.Tell(new RunAnalysisNow("test"), TestActor);
        var accepted = ExpectMsg<AnalysisRunAccepted>();
        Assert.Equal(accepted.RunId, suggestions.ExpectMsg<PublishAnalysis>().Report.RunId);
        AwaitAssert(() =>
        {
            first.Tell(GetRunHistory.Instance, TestActor);
            Assert.Single(ExpectMsg<RunHistory>().Runs);
        });
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        time.Advance(TimeSpan.FromDays(2));
        var second = StartScheduler(store, suggestions, time, "scheduler-2");

        var catchUp = suggestions.ExpectMsg<PublishAnalysis>().Report;
        Assert.Equal("catch-up", catchUp.Trigger);
        Assert.Equal(RunKinds.Daily, catchUp.Kind);
        Assert.Equal(time.GetUtcNow(), catchUp.WindowEnd);
        var calendar = Settings.Home.Calendar;
        Assert.Equal(calendar.StartOfDay(calendar.LocalDate(time.GetUtcNow()).AddDays(-Settings.Analysis.WindowDays)), catchUp.WindowStart);
        AwaitAssert(() =>
        {
            second.Tell(GetRunHistory.Instance, TestActor);
            Assert.Equal(["catch-up", "test"], ExpectMsg<RunHistory>().Runs.Select(r => r.Trigger));
        });
    }

    [Fact]
    public void Never_two_runs_at_once_one_waits_and_the_next_is_rejected()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2025-06-10T10:00:00Z"));
        var store = new InMemoryEventStore { ReadGate = new TaskCompletionSource() };
        var suggestions = CreateTestProbe();
        var scheduler = StartScheduler(store, suggestions, time, "scheduler");

        scheduler.Tell(new RunAnalysisNow("first"), TestActor);
        var first = ExpectMsg<AnalysisRunAccepted>();
        scheduler.Tell(new RunAnalysisNow("second"), TestActor);
        var second = ExpectMsg<AnalysisRunAccepted>();
        scheduler.Tell(new RunAnalysisNow("third"), TestActor);
        ExpectMsg<AnalysisRunRejected>();

        store.ReadGate.SetResult();

        Assert.Equal(first.RunId, suggestions.ExpectMsg<PublishAnalysis>().Report.RunId);
        Assert.Equal(second.RunId, suggestions.ExpectMsg<PublishAnalysis>().Report.RunId);
    }
}
