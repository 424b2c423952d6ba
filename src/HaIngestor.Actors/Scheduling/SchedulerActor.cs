using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using HaIngestor.Actors.Analysis;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Actors.Scheduling;

/// <summary>
/// Fires the daily, weekly and monthly runs from cron expressions in the home's time zone, catches up a
/// missed daily run on start, accepts on-demand runs, never runs two at once (one request may wait in a queue
/// of one; any further request is rejected), and persists every finished run.
/// </summary>
public sealed class SchedulerActor : ReceivePersistentActor, IWithTimers
{
    public const string Id = "scheduler";

    /// <summary>Timers wake up at least this often, so clock jumps and long delays are re-evaluated.</summary>
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromHours(1);

    private readonly HaIngestorSettings settings;
    private readonly IEventStore store;
    private readonly IActorRef devices;
    private readonly IActorRef events;
    private readonly IActorRef suggestions;
    private readonly IReadOnlyList<IPatternDetector> detectors;
    private readonly TimeProvider time;
    private readonly AggregateStorage? aggregates;
    private readonly IHaAutomationSource? automations;
    private readonly RunCalendar calendar;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<string, DateTimeOffset?> nextRuns = new(StringComparer.Ordinal);
    private SchedulerState state;
    private (AnalysisRunRequest Request, IActorRef Actor)? running;
    private AnalysisRunRequest? queued;
    private long runsStarted;
    private int jobsSinceSnapshot;

    public SchedulerActor(
        HaIngestorSettings settings,
        IEventStore store,
        IActorRef devices,
        IActorRef events,
        IActorRef suggestions,
        IReadOnlyList<IPatternDetector> detectors,
        TimeProvider time,
        IAggregateStore? aggregateStore,
        IHaAutomationSource? automations = null)
    {
        this.settings = settings;
        this.store = store;
        this.devices = devices;
        this.events = events;
        this.suggestions = suggestions;
        this.detectors = detectors;
        this.time = time;
        this.automations = automations;
        aggregates = aggregateStore is null ? null : new AggregateStorage(aggregateStore, settings.RawRetentionDays, settings.AggregateRetentionDays);
        calendar = new RunCalendar(settings.Schedule, settings.Home.Calendar.TimeZone);
        state = SchedulerState.Empty(settings.Schedule.HistorySize);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is SchedulerStateSnapshot snapshot)
            {
                state = state.Apply(snapshot);
            }
        });
        Recover<JobRecorded>(job => state = state.Apply(job));

        Command<RunAnalysisNow>(OnRunNow);
        Command<ScheduleTick>(OnTick);
        Command<AnalysisRunCompleted>(OnCompleted);
        Command<Terminated>(OnRunTerminated);
        Command<GetRunHistory>(_ => Sender.Tell(new RunHistory(state.History)));
        Command<GetSchedule>(_ => Sender.Tell(new ScheduleView(
            calendar.Kinds.Select(k => new ScheduledRun(k, calendar.CronOf(k), nextRuns.GetValueOrDefault(k))).ToList())));
        Command<GetSchedulerStatus>(_ => Sender.Tell(new SchedulerStatus(
            running?.Request.RunId, queued is not null, runsStarted, state.Jobs.Count, state.LastFinishedAt)));
        Command<RawEventsPruned>(_ => { });
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => log.Warning("Scheduler snapshot failed: {Error}", f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => log.Warning("Old scheduler snapshots not deleted: {Error}", f.Cause.Message));
    }

    public override string PersistenceId => Id;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(
        HaIngestorSettings settings,
        IEventStore store,
        IActorRef devices,
        IActorRef events,
        IActorRef suggestions,
        IReadOnlyList<IPatternDetector> detectors,
        TimeProvider time,
        IAggregateStore? aggregateStore = null,
        IHaAutomationSource? automations = null) =>
        Akka.Actor.Props.Create(() => new SchedulerActor(settings, store, devices, events, suggestions, detectors, time, aggregateStore, automations));

    /// <summary>A run that throws is stopped, not restarted: a restart would start the run over.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void OnReplaySuccess()
    {
        foreach (var error in calendar.Errors)
        {
            log.Error("Schedule not armed: {Error}", error);
        }

        var now = time.GetUtcNow();
        foreach (var kind in calendar.Kinds)
        {
            Arm(kind, now);
        }

        if (calendar.IsDailyCatchUpDue(state.LastGroupARunStartedAt, now))
        {
            log.Info("The daily run of {Due} was missed (last run started {Last}); catching up", calendar.Previous(RunKinds.Daily, now), state.LastGroupARunStartedAt);
            Enqueue(NewRequest(RunKinds.Daily, "catch-up", null, null, now));
        }
    }

    private void OnRunNow(RunAnalysisNow command)
    {
        var now = time.GetUtcNow();
        var request = NewRequest(RunKinds.OnDemand, command.Trigger, command.WindowStart, command.WindowEnd, now);
        if (request.WindowEnd <= request.WindowStart)
        {
            Sender.Tell(new AnalysisRunRejected($"empty window [{request.WindowStart:O}, {request.WindowEnd:O})"));
            return;
        }

        Sender.Tell(Enqueue(request) ? new AnalysisRunAccepted(request.RunId) : new AnalysisRunRejected(BusyReason()));
    }

    private void OnTick(ScheduleTick tick)
    {
        var now = time.GetUtcNow();
        if (tick.DueAt > now)
        {
            Arm(tick.Kind, now);
            return;
        }

        Arm(tick.Kind, now);
        if (!Enqueue(NewRequest(tick.Kind, "schedule", null, null, now)))
        {
            log.Warning("Scheduled {Kind} run of {DueAt} skipped: {Reason}", tick.Kind, tick.DueAt, BusyReason());
        }
    }

    private void OnCompleted(AnalysisRunCompleted completed)
    {
        if (running is { } current && current.Request.RunId == completed.Report.RunId)
        {
            Context.Unwatch(current.Actor);
            Context.Stop(current.Actor);
            running = null;
        }

        Record(completed.Report);
    }

    private void OnRunTerminated(Terminated terminated)
    {
        if (running is not { } current || !current.Actor.Equals(terminated.ActorRef))
        {
            return;
        }

        running = null;
        var now = time.GetUtcNow();
        log.Error("Analysis run {RunId} stopped before it finished", current.Request.RunId);
        Record(new AnalysisRunReport(
            current.Request.RunId, current.Request.Kind, current.Request.Trigger, now, now,
            current.Request.WindowStart, current.Request.WindowEnd, AnalysisRunStatus.Failed,
            [], 0, 0, 0, [KeyValuePair.Create("run", "the run actor stopped before it finished")]));
    }

    private void Record(AnalysisRunReport report)
    {
        Persist(JobRecords.ToRecord(report), job =>
        {
            state = state.Apply(job);
            events.Tell(new PruneRawEvents(time.GetUtcNow()));
            if (++jobsSinceSnapshot >= Math.Max(1, settings.SnapshotEvery))
            {
                jobsSinceSnapshot = 0;
                SaveSnapshot(state.ToSnapshot());
            }

            StartQueued();
        });
    }

    /// <summary>Starts the request now, or queues it when a run is going and the queue is free.</summary>
    private bool Enqueue(AnalysisRunRequest request)
    {
        if (running is null)
        {
            Start(request);
            return true;
        }

        if (queued is null)
        {
            queued = request;
            log.Info("Analysis run {RunId} ({Trigger}) queued behind {Running}", request.RunId, request.Trigger, running.Value.Request.RunId);
            return true;
        }

        return false;
    }

    private void StartQueued()
    {
        if (running is null && queued is { } next)
        {
            queued = null;
            Start(next);
        }
    }

    private void Start(AnalysisRunRequest request)
    {
        runsStarted++;
        var actor = Context.ActorOf(
            AnalysisRunActor.Props(request, settings.Analysis, settings.Home, store, devices, suggestions, detectors, time, Self, aggregates, automations),
            $"run-{request.RunId}");
        Context.Watch(actor);
        running = (request, actor);
    }

    private string BusyReason() =>
        $"run {running?.Request.RunId} is running and run {queued?.RunId} is already queued";

    private AnalysisRunRequest NewRequest(string kind, string trigger, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now)
    {
        var end = to ?? now;

        // Whole local days, so that every day before today can come from the daily aggregates (L2).
        var calendar = settings.Home.Calendar;
        var start = from ?? calendar.StartOfDay(LocalDays.DateOf(end, calendar).AddDays(-settings.Analysis.WindowDays));
        var id = $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        return new AnalysisRunRequest(id, kind, trigger, start, end);
    }

    private void Arm(string kind, DateTimeOffset now)
    {
        var next = calendar.Next(kind, now);
        nextRuns[kind] = next;
        if (next is not { } due)
        {
            Timers.Cancel(kind);
            return;
        }

        var delay = due - now;
        Timers.StartSingleTimer(kind, new ScheduleTick(kind, due), delay > MaxTimerDelay ? MaxTimerDelay : delay);
    }

    private sealed record ScheduleTick(string Kind, DateTimeOffset DueAt);
}
