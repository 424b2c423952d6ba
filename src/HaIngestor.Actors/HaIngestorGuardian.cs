using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using HaIngestor.Actors.Bridge;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Events;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Scheduling;
using HaIngestor.Actors.Suggestions;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Actors;

/// <summary>
/// The root of the tree (<c>/user/haingestor</c>). Each child runs under a backoff supervisor, so a crashing
/// child is restarted after 1 s, 2 s, 4 s … up to 30 s instead of in a tight loop; the persistent scheduler is
/// also restarted when the journal stops it. The guardian forwards the daemon's queries and commands.
/// </summary>
public sealed class HaIngestorGuardian : ReceiveActor
{
    public const string Name = "haingestor";
    private static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DrainStepTimeout = TimeSpan.FromSeconds(8);

    private readonly IActorRef bridge;
    private readonly IActorRef devices;
    private readonly IActorRef events;
    private readonly IActorRef scheduler;
    private readonly IActorRef suggestions;

    public HaIngestorGuardian(
        HaIngestorSettings settings,
        IEventStore eventStore,
        ISummaryStore summaryStore,
        TimeProvider time,
        IReadOnlyList<IPatternDetector> detectors,
        IAggregateStore? aggregateStore,
        IHaAutomationSource? automationSource)
    {
        Context.GetLogger().Info("HaIngestor starting with {Settings}", settings);
        events = Supervised(EventWriterActor.Props(eventStore, settings.EventWriter, settings.RawRetentionDays), "events");
        devices = Supervised(
            DeviceManagerActor.Props(
                events, Self, settings.Mqtt.Zigbee2MqttBaseTopic, settings.Mqtt.BaseTopic, settings.SnapshotEvery, time,
                new DeviceUsageSettings(settings.Home.Calendar.TimeZone, settings.AggregateRetentionDays)),
            "devices");
        bridge = Supervised(BridgeActor.Props(settings.Mqtt, devices, Self, time), "bridge");
        suggestions = Supervised(SuggestionActor.Props(bridge, summaryStore, settings.Mqtt.BaseTopic), "suggestions");
        scheduler = Supervised(
            SchedulerActor.Props(settings, eventStore, devices, events, suggestions, detectors, time, aggregateStore, automationSource),
            "scheduler",
            restartWhenStopped: true);

        Receive<RunAnalysisNow>(m => scheduler.Forward(m));
        Receive<GetRunHistory>(m => scheduler.Forward(m));
        Receive<GetSchedule>(m => scheduler.Forward(m));
        Receive<GetSuggestions>(m => suggestions.Forward(m));
        Receive<GetPatterns>(m => suggestions.Forward(m));
        Receive<GetDevices>(m => devices.Forward(m));
        Receive<GetCapabilities>(m => devices.Forward(m));
        Receive<GetDeviceChanges>(m => devices.Forward(m));
        Receive<GetDeviceUsage>(m => devices.Forward(m));
        Receive<FlushEvents>(m => events.Forward(m));
        Receive<Publish>(m => bridge.Forward(m));
        Receive<GetStatus>(_ => ReplyStatus(Sender));
        ReceiveAsync<DrainIngest>(_ => DrainAsync(Sender));
    }

    protected override void PreStart()
    {
        // Before the actors stop: drain MQTT input into the store, so a SIGTERM loses nothing already received.
        var self = Self;
        CoordinatedShutdown.Get(Context.System).AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-ingest", () =>
            self.Ask<IngestDrained>(DrainIngest.Instance, TimeSpan.FromSeconds(25))
                .ContinueWith(_ => Akka.Done.Instance, TaskScheduler.Default));
    }

    public static Props Props(
        HaIngestorSettings settings,
        IEventStore eventStore,
        ISummaryStore summaryStore,
        TimeProvider time,
        IReadOnlyList<IPatternDetector> detectors,
        IAggregateStore? aggregateStore = null,
        IHaAutomationSource? automationSource = null) =>
        Akka.Actor.Props.Create(() => new HaIngestorGuardian(settings, eventStore, summaryStore, time, detectors, aggregateStore, automationSource));

    private static IActorRef Supervised(Props props, string name, bool restartWhenStopped = false) =>
        Context.ActorOf(
            BackoffSupervisor.Props(restartWhenStopped
                ? Backoff.OnStop(props, name, MinBackoff, MaxBackoff, 0.2, -1)
                : Backoff.OnFailure(props, name, MinBackoff, MaxBackoff, 0.2, -1)),
            name);

    /// <summary>In order: no new input, devices done with what they got, the writer's buffer stored.</summary>
    private async Task DrainAsync(IActorRef replyTo)
    {
        var log = Context.GetLogger();
        try
        {
            await bridge.Ask<IngestStopped>(StopIngest.Instance, DrainStepTimeout);
            var drained = await devices.Ask<DevicesDrained>(DrainDevices.Instance, DrainStepTimeout);
            var flushed = await events.Ask<EventsFlushed>(FlushEvents.Instance, DrainStepTimeout);
            log.Info("Ingest drained: {Devices} device actors done ({TimedOut} timed out), {Written} state changes stored in all", drained.Drained, drained.TimedOut, flushed.Written);
            replyTo.Tell(new IngestDrained(flushed.Written));
        }
        catch (Exception e)
        {
            log.Warning("Ingest drain incomplete: {Error}", e.Message);
            replyTo.Tell(new Status.Failure(e));
        }
    }

    private void ReplyStatus(IActorRef replyTo)
    {
        var bridgeStatus = AskOrNull<BridgeStatus>(bridge, GetBridgeStatus.Instance);
        var devicesStatus = AskOrNull<DeviceManagerStatus>(devices, GetDeviceManagerStatus.Instance);
        var eventsStatus = AskOrNull<EventWriterStatus>(events, GetEventWriterStatus.Instance);
        var schedulerStatus = AskOrNull<SchedulerStatus>(scheduler, GetSchedulerStatus.Instance);
        Task.WhenAll(bridgeStatus, devicesStatus, eventsStatus, schedulerStatus).ContinueWith(
            _ => new HaIngestorStatus(bridgeStatus.Result, devicesStatus.Result, eventsStatus.Result, schedulerStatus.Result),
            TaskScheduler.Default).PipeTo(replyTo);
    }

    private static Task<T?> AskOrNull<T>(IActorRef target, object query)
        where T : class =>
        target.Ask<T>(query, StatusTimeout).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
}
