using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// One Zigbee device, keyed by its ieee address: persists its definition and every state message that changed
/// something, keeps usage per property, and hands the resulting HA state changes to the event writer.
/// </summary>
public sealed class DeviceActor : ReceivePersistentActor
{
    private readonly IActorRef events;
    private readonly string zigbeeBaseTopic;
    private readonly int snapshotEvery;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private DeviceState state;
    private int eventsSinceSnapshot;

    public DeviceActor(string ieeeAddress, IActorRef events, string zigbeeBaseTopic, int snapshotEvery)
    {
        this.events = events;
        this.zigbeeBaseTopic = zigbeeBaseTopic;
        this.snapshotEvery = Math.Max(1, snapshotEvery);
        state = DeviceState.Empty(ieeeAddress);
        PersistenceId = PersistenceIdFor(ieeeAddress);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is DeviceStateSnapshot record)
            {
                state = DeviceState.FromSnapshotRecord(ieeeAddress, record);
            }
        });
        Recover<DeviceDefinitionRecorded>(e => state = state.Apply(e));
        Recover<DevicePropertiesChanged>(e => state = state.Apply(e));

        Command<DefineDevice>(OnDefine);
        Command<DeviceStateReceived>(OnState);
        Command<DrainDevice>(_ => Sender.Tell(DeviceDrained.Instance));
        Command<GetDeviceSnapshot>(_ => Sender.Tell(new DeviceSnapshotView(state.IeeeAddress, state.Snapshot, state.StateChanges)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => log.Warning("Device {Ieee}: snapshot failed: {Error}", state.IeeeAddress, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => log.Warning("Device {Ieee}: old snapshots not deleted: {Error}", state.IeeeAddress, f.Cause.Message));
    }

    public override string PersistenceId { get; }

    public static string PersistenceIdFor(string ieeeAddress) => $"device-{ieeeAddress}";

    public static Props Props(string ieeeAddress, IActorRef events, string zigbeeBaseTopic, int snapshotEvery) =>
        Akka.Actor.Props.Create(() => new DeviceActor(ieeeAddress, events, zigbeeBaseTopic, snapshotEvery));

    private void OnDefine(DefineDevice define)
    {
        if (define.DeviceJson == state.DeviceJson)
        {
            return;
        }

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

        var changes = state.Snapshot.Diff(values);
        if (changes.Count == 0)
        {
            state = state.Seen(message.ReceivedAt);
            return;
        }

        Persist(DeviceState.ToEvent(changes, message.ReceivedAt), e =>
        {
            state = state.Apply(e);
            var stateChanges = state.Snapshot.ToStateChanges(changes, message.ReceivedAt);
            if (stateChanges.Count > 0)
            {
                events.Tell(new WriteStateChanges(stateChanges));
            }

            AfterPersist();
        });
    }

    private void AfterPersist()
    {
        if (++eventsSinceSnapshot >= snapshotEvery)
        {
            eventsSinceSnapshot = 0;
            SaveSnapshot(state.ToSnapshotRecord());
        }
    }
}
