using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// One Zigbee device, keyed by its ieee address: persists its definition and every state message that changed
/// something, keeps usage per property, and hands the resulting HA state changes to the event writer.
/// </summary>
public sealed class DeviceActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>How long changes wait to share one journal write with the changes that follow them.</summary>
    private static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(50);
    private const int MaxBatch = 64;

    private readonly IActorRef events;
    private readonly string zigbeeBaseTopic;
    private readonly int snapshotEvery;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly List<DevicePropertiesChanged> pendingEvents = [];
    private readonly List<IReadOnlyList<StateChange>> pendingStateChanges = [];
    private DeviceState state;

    /// <summary>Not persisted: a command matters for a few seconds only.</summary>
    private RecentCommands recentCommands = RecentCommands.None;

    /// <summary>Not persisted: the imported ranges before the import whose parts arrive now.</summary>
    private (string Id, IReadOnlyDictionary<string, TimeRanges> Ranges)? importBefore;
    private int eventsSinceSnapshot;
    private int writesInFlight;

    public DeviceActor(string ieeeAddress, IActorRef events, string zigbeeBaseTopic, int snapshotEvery, DeviceUsageSettings? usageSettings = null)
    {
        this.events = events;
        this.zigbeeBaseTopic = zigbeeBaseTopic;
        this.snapshotEvery = Math.Max(1, snapshotEvery);
        usageSettings ??= DeviceUsageSettings.Utc;
        state = DeviceState.Empty(ieeeAddress, usageSettings);
        PersistenceId = PersistenceIdFor(ieeeAddress);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is DeviceStateSnapshot record)
            {
                state = DeviceState.FromSnapshotRecord(ieeeAddress, record, usageSettings);
            }
        });
        Recover<DeviceDefinitionRecorded>(e => state = state.Apply(e));
        Recover<DevicePropertiesChanged>(e => state = state.Apply(e));
        Recover<DeviceUsageImported>(e => state = state.Apply(e));
        Recover<DevicePropertiesChangedBatch>(batch =>
        {
            foreach (var e in batch.Changes)
            {
                state = state.Apply(e);
            }
        });

        Command<DefineDevice>(OnDefine);
        Command<DeviceStateReceived>(OnState);
        Command<ImportDeviceUsage>(OnImport);
        Command<DeviceCommandReceived>(OnCommand);
        Command<GroupCommandSeen>(m => recentCommands = recentCommands.WithGroupCommand(m.ReceivedAt));
        Command<PersistPending>(_ => PersistPendingChanges());
        Command<DrainDevice>(_ =>
        {
            // Deferred: answered only after every pending journal write has been handled and its changes passed on.
            PersistPendingChanges();
            var replyTo = Sender;
            DeferAsync(DeviceDrained.Instance, drained => replyTo.Tell(drained));
        });
        Command<GetDeviceSnapshot>(_ => Sender.Tell(new DeviceSnapshotView(state.IeeeAddress, state.Snapshot, state.StateChanges)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => log.Warning("Device {Ieee}: snapshot failed: {Error}", state.IeeeAddress, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => log.Warning("Device {Ieee}: old snapshots not deleted: {Error}", state.IeeeAddress, f.Cause.Message));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdFor(string ieeeAddress) => $"device-{ieeeAddress}";

    public static Props Props(string ieeeAddress, IActorRef events, string zigbeeBaseTopic, int snapshotEvery, DeviceUsageSettings? usageSettings = null) =>
        Akka.Actor.Props.Create(() => new DeviceActor(ieeeAddress, events, zigbeeBaseTopic, snapshotEvery, usageSettings));

    private void OnDefine(DefineDevice define)
    {
        if (define.DeviceJson == state.DeviceJson)
        {
            return;
        }

        PersistPendingChanges();
        var renamed = state.FriendlyName is { } old && old != define.Device.FriendlyName;
        Persist(new DeviceDefinitionRecorded(define.DeviceJson, define.ReceivedAt.ToUnixTimeMilliseconds()), e =>
        {
            state = state.Apply(e);
            if (renamed)
            {
                log.Info("Device {Ieee} renamed to {FriendlyName}; its history stays", state.IeeeAddress, define.Device.FriendlyName);
            }

            AfterPersist();
        });
    }

    private void OnState(DeviceStateReceived message)
    {
        if (!DeviceStatePayload.TryFlatten(message.Payload, out var values, out var error))
        {
            var topic = $"{zigbeeBaseTopic}/{message.FriendlyName}";
            log.Warning("Unreadable state payload on {Topic} (device {Ieee}): {Error}", topic, state.IeeeAddress, error);
            Context.Parent.Tell(new BadPayloadReported(topic));
            return;
        }

        var changes = WithOrigins(state.Snapshot.Diff(values), message.ReceivedAt);
        if (changes.Count == 0)
        {
            state = state.Seen(message.ReceivedAt);
            return;
        }

        // Applied now, so the next message is diffed against it. The journal write waits up to BatchDelay to take
        // the messages that follow along: a busy device costs one write per batch, not one per message.
        var recorded = DeviceState.ToEvent(changes, message.ReceivedAt);
        state = state.Apply(recorded);
        pendingEvents.Add(recorded);
        pendingStateChanges.Add(state.Snapshot.ToStateChanges(changes, message.ReceivedAt));
        if (pendingEvents.Count >= MaxBatch)
        {
            PersistPendingChanges();
        }
        else if (pendingEvents.Count == 1)
        {
            Timers.StartSingleTimer(PersistPending.Instance, PersistPending.Instance, BatchDelay);
        }
    }

    private void OnCommand(DeviceCommandReceived command)
    {
        if (command.Attribute is { } attribute)
        {
            recentCommands = recentCommands.WithCommand([attribute], command.ReceivedAt);
        }
        else if (DeviceStatePayload.TryFlatten(command.Payload, out var values, out _))
        {
            recentCommands = recentCommands.WithCommand(values.Keys, command.ReceivedAt);
        }
        else
        {
            log.Debug("Device {Ieee}: unreadable command payload; no property taken as commanded", state.IeeeAddress);
        }
    }

    /// <summary>Controllable changes get their origin from the commands seen (<see cref="RecentCommands"/>); others keep the MQTT rule on replay.</summary>
    private IReadOnlyList<PropertyChange> WithOrigins(IReadOnlyList<PropertyChange> changes, DateTimeOffset time)
    {
        if (changes.Count == 0)
        {
            return changes;
        }

        var result = new List<PropertyChange>(changes.Count);
        foreach (var change in changes)
        {
            var feature = state.Snapshot.FeatureAt(change.StatePath);
            var origin = recentCommands.OriginOf(feature, change.StatePath, time);
            result.Add(origin == UsageOrigins.FromMqtt(feature, change.StatePath) ? change : change with { Origin = origin });
        }

        return result;
    }

    /// <summary>
    /// Imported history is persisted as one event and answered once stored. Its state changes are not passed to the
    /// event writer: the import writes them to the L1 store itself, with their HA context.
    /// </summary>
    private void OnImport(ImportDeviceUsage import)
    {
        PersistPendingChanges();
        var replyTo = Sender;
        if (import.Uses.Count == 0)
        {
            replyTo.Tell(new DeviceUsageImportedAck(state.IeeeAddress, 0, OriginCounts.None, 0, 0));
            return;
        }

        if (import.ImportId is null || importBefore?.Id != import.ImportId)
        {
            importBefore = import.ImportId is null ? null : (import.ImportId, state.Snapshot.Imported);
        }

        var selection = state.Snapshot.SelectImported(state.ToImportedChanges(import.Uses), importBefore?.Ranges);
        var counted = selection.Counted.Where(c => DeviceSnapshot.IsUse(c.Change))
            .Aggregate(OriginCounts.None, (sum, c) => sum.Add(c.Change.Origin ?? UsageOrigin.Unknown));
        Persist(DeviceState.ToEvent(selection), e =>
        {
            state = state.Apply(e);
            replyTo.Tell(new DeviceUsageImportedAck(state.IeeeAddress, selection.Counted.Count, counted, selection.SkippedImported, selection.SkippedLive));
            AfterPersist();
        });
    }

    /// <summary>Writes the waiting changes as one journal event; the event writer gets them once they are stored.</summary>
    private void PersistPendingChanges()
    {
        Timers.Cancel(PersistPending.Instance);
        if (pendingEvents.Count == 0)
        {
            return;
        }

        var batch = new DevicePropertiesChangedBatch([.. pendingEvents]);
        var stateChanges = pendingStateChanges.Where(c => c.Count > 0).ToList();
        pendingEvents.Clear();
        pendingStateChanges.Clear();
        writesInFlight++;
        PersistAsync(batch, _ =>
        {
            writesInFlight--;
            foreach (var changes in stateChanges)
            {
                events.Tell(new WriteStateChanges(changes));
            }

            AfterPersist();
        });
    }

    private sealed record PersistPending
    {
        public static PersistPending Instance { get; } = new();
    }

    private void AfterPersist()
    {
        // Changes still waiting for (or in) their write are already in the state: a snapshot now could count them
        // again when their batch is replayed after it. Snapshot only when the state is exactly what is journaled.
        if (++eventsSinceSnapshot >= snapshotEvery && pendingEvents.Count == 0 && writesInFlight == 0)
        {
            eventsSinceSnapshot = 0;
            SaveSnapshot(state.ToSnapshotRecord());
        }
    }
}
