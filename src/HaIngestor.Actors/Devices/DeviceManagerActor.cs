using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// Keeps the device list (friendly name → ieee address) and one <see cref="DeviceActor"/> per ieee address,
/// and routes state messages by friendly name. A rename keeps the ieee address, so the device's history stays.
/// A state message for a name not in the list yet (the broker does not order retained messages across topics)
/// is counted and its latest payload kept, per name and bounded, until a device list maps the name.
/// Each list is compared with the last one (<see cref="DeviceListDiff"/>): the changes are persisted, kept in a bounded
/// history and published on <c>&lt;base&gt;/events/device</c>; the persisted summary means a restart announces nothing
/// that did not change.
/// The groups of <c>bridge/groups</c> are kept in memory only: the broker retains them and sends them again on connect.
/// </summary>
public sealed class DeviceManagerActor : ReceivePersistentActor
{
    public const string ManagerPersistenceId = "device-manager";
    public const int MaxPendingNames = 1024;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Known devices may have to recover every device actor from the journal first: that takes longer.</summary>
    private static readonly TimeSpan RecoveryAskTimeout = TimeSpan.FromSeconds(45);

    private readonly IActorRef events;
    private readonly IActorRef publisher;
    private readonly string zigbeeBaseTopic;
    private readonly string deviceEventsTopic;
    private readonly int snapshotEvery;
    private readonly TimeProvider time;
    private readonly DeviceUsageSettings usageSettings;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<string, string> ieeeByName = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlyList<string>> membersByGroup = new(StringComparer.Ordinal);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IActorRef> children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> availability = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceStateReceived> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> badPayloads = new(StringComparer.Ordinal);
    private readonly HashSet<string> unknownExposesLogged = new(StringComparer.Ordinal);
    private DeviceManagerState managerState = DeviceManagerState.Empty;
    private int listsSinceSnapshot;
    private IReadOnlyList<ZigbeeDevice> devices = [];
    private DateTimeOffset? listReceivedAt;
    private long deviceLists;
    private long deviceErrors;
    private long stateMessages;
    private long unknownMessages;

    /// <param name="events">The event writer, for the device actors.</param>
    /// <param name="publisher">Takes <see cref="Publish"/> messages to the broker (the bridge, or the guardian that forwards to it).</param>
    /// <param name="zigbeeBaseTopic">Zigbee2MQTT's base topic.</param>
    /// <param name="baseTopic">HaIngestor's own base topic; device-list changes go to <c>&lt;base&gt;/events/device</c>.</param>
    /// <param name="snapshotEvery">Snapshot after this many persisted events.</param>
    /// <param name="time">The clock.</param>
    /// <param name="usageSettings">The home's time zone and how many days of per-day usage the device actors keep (UTC, 90 when null).</param>
    public DeviceManagerActor(IActorRef events, IActorRef publisher, string zigbeeBaseTopic, string baseTopic, int snapshotEvery, TimeProvider time, DeviceUsageSettings? usageSettings = null)
    {
        this.usageSettings = usageSettings ?? DeviceUsageSettings.Utc;
        this.events = events;
        this.publisher = publisher;
        this.zigbeeBaseTopic = zigbeeBaseTopic;
        deviceEventsTopic = $"{baseTopic}/events/device";
        this.snapshotEvery = snapshotEvery;
        this.time = time;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is DeviceManagerSnapshot record)
            {
                managerState = DeviceManagerState.FromSnapshotRecord(record);
            }
        });
        Recover<DeviceListChanged>(e => managerState = managerState.Apply(e));

        Command<DeviceListReceived>(OnDeviceList);
        Command<GroupListReceived>(OnGroupList);
        Command<DeviceStateReceived>(OnState);
        Command<DeviceAvailabilityReceived>(OnAvailability);
        Command<DeviceCommandReceived>(OnCommand);
        Command<BadPayloadReported>(m => CountBadPayload(m.Topic));
        Command<GetCapabilities>(_ => Sender.Tell(new CapabilitySnapshot(devices, listReceivedAt)));
        Command<GetDevices>(_ => ListDevices(Sender));
        Command<GetKnownDevices>(_ => ReplyKnownDevices(Sender));
        Command<PersistedDevicesRecovered>(OnPersistedDevicesRecovered);
        Command<ImportDeviceUsage>(m => Child(m.IeeeAddress).Forward(m));
        Command<GetDeviceUsage>(m => ReplyUsage(m, Sender));
        Command<GetDeviceChanges>(_ => Sender.Tell(new DeviceChangesView(managerState.History.Reverse().ToList())));
        Command<GetDeviceManagerStatus>(_ => Sender.Tell(new DeviceManagerStatus(
            devices.Count, deviceLists, deviceErrors, stateMessages, unknownMessages,
            new Dictionary<string, long>(badPayloads, StringComparer.Ordinal))));
        Command<Terminated>(OnTerminated);
        Command<DrainDevices>(_ => Drain(Sender));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => log.Warning("Device manager: snapshot failed: {Error}", f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(f => log.Warning("Device manager: old snapshots not deleted: {Error}", f.Cause.Message));
    }

    public override string PersistenceId => ManagerPersistenceId;

    public static Props Props(IActorRef events, IActorRef publisher, string zigbeeBaseTopic, string baseTopic, int snapshotEvery, TimeProvider time, DeviceUsageSettings? usageSettings = null) =>
        Akka.Actor.Props.Create(() => new DeviceManagerActor(events, publisher, zigbeeBaseTopic, baseTopic, snapshotEvery, time, usageSettings));

    private string DeviceListTopic => $"{zigbeeBaseTopic}/bridge/devices";

    private string GroupListTopic => $"{zigbeeBaseTopic}/bridge/groups";

    /// <summary>A restart must not make the devices vanish until Zigbee2MQTT publishes its list again (or never, offline).</summary>
    protected override void OnReplaySuccess()
    {
        if (managerState.Entries.Count > 0)
        {
            PersistedDefinitions().ContinueWith(t => new PersistedDevicesRecovered(t.Result), TaskScheduler.Default).PipeTo(Self);
        }
    }

    private void OnPersistedDevicesRecovered(PersistedDevicesRecovered recovered)
    {
        // A list that arrived meanwhile is newer than anything persisted.
        if (devices.Count > 0 || recovered.Devices.Count == 0)
        {
            return;
        }

        devices = recovered.Devices;
        foreach (var device in devices)
        {
            ieeeByName[device.FriendlyName] = device.IeeeAddress;
        }

        log.Info("Device list: {Count} devices known from before the restart", devices.Count);
        DeliverPending();
    }

    private void OnDeviceList(DeviceListReceived message)
    {
        deviceLists++;
        var result = BridgeDevicesParser.Parse(message.Payload);
        foreach (var error in result.Errors)
        {
            deviceErrors++;
            if (error.IeeeAddress is null)
            {
                log.Warning("Unreadable device list on {Topic}: {Error}", DeviceListTopic, error.Message);
                CountBadPayload(DeviceListTopic);
            }
            else
            {
                log.Warning("Device {Ieee} on {Topic} could not be read: {Error}", error.IeeeAddress, DeviceListTopic, error.Message);
            }
        }

        if (result.Devices.Count == 0 && result.Errors.Count > 0)
        {
            return;
        }

        var rawJson = RawDeviceJson(message.Payload);
        var receivedAt = time.GetUtcNow();
        RecordChanges(result, receivedAt);
        LogUnknownExposes(result.Devices);
        ieeeByName.Clear();
        foreach (var device in result.Devices)
        {
            ieeeByName[device.FriendlyName] = device.IeeeAddress;
            if (rawJson.TryGetValue(device.IeeeAddress, out var json))
            {
                Child(device.IeeeAddress).Tell(new DefineDevice(device, json, receivedAt));
            }
        }

        devices = result.Devices;
        listReceivedAt = receivedAt;
        log.Info("Device list: {Count} devices, {Errors} unreadable", result.Devices.Count, result.Errors.Count);
        DeliverPending();
    }

    /// <summary>
    /// Diffs the list with the last one. A device whose entry could not be read keeps its last entry: an unreadable
    /// entry is not a removed device.
    /// </summary>
    private void RecordChanges(BridgeDevicesParseResult result, DateTimeOffset receivedAt)
    {
        var unreadable = result.Errors.Where(e => e.IeeeAddress is not null).Select(e => e.IeeeAddress!).ToHashSet(StringComparer.Ordinal);
        var current = DeviceListDiff.Summarise(result.Devices)
            .Concat(managerState.Entries.Where(e => unreadable.Contains(e.IeeeAddress) && result.Devices.All(d => d.IeeeAddress != e.IeeeAddress)))
            .ToList();
        var changes = DeviceListDiff.Compare(managerState.Entries, current, receivedAt);
        if (changes.Count == 0)
        {
            return;
        }

        Persist(DeviceManagerState.ToEvent(changes, receivedAt), e =>
        {
            managerState = managerState.Apply(e);
            foreach (var change in changes)
            {
                log.Info("Device {Ieee} ({FriendlyName}) {Change}", change.IeeeAddress, change.FriendlyName, change.KindName);
                publisher.Tell(new Publish(deviceEventsTopic, DeviceListChangeJson.ToUtf8(change), Retain: false));
            }

            if (++listsSinceSnapshot >= Math.Max(1, snapshotEvery))
            {
                listsSinceSnapshot = 0;
                SaveSnapshot(managerState.ToSnapshotRecord());
            }
        });
    }

    /// <summary>An expose type this version does not know is kept as an unknown feature; say so once per device and type.</summary>
    private void LogUnknownExposes(IReadOnlyList<ZigbeeDevice> listed)
    {
        foreach (var device in listed)
        {
            foreach (var feature in device.Features)
            {
                if (feature.Type == "unknown" && unknownExposesLogged.Add(device.IeeeAddress + "\u001f" + RawExposeType(feature.RawJson)))
                {
                    log.Warning(
                        "Device {Ieee} ({FriendlyName}) exposes {Path} of unknown type {Type}; kept as an unknown capability",
                        device.IeeeAddress, device.FriendlyName, feature.Path, RawExposeType(feature.RawJson));
                }
            }
        }
    }

    private void OnState(DeviceStateReceived message)
    {
        if (ieeeByName.TryGetValue(message.FriendlyName, out var ieee))
        {
            stateMessages++;
            Child(ieee).Forward(message);
            return;
        }

        unknownMessages++;
        log.Debug("State for unknown device {FriendlyName}; kept until a device list names it", message.FriendlyName);
        if (pending.Count < MaxPendingNames || pending.ContainsKey(message.FriendlyName))
        {
            pending[message.FriendlyName] = message;
        }
    }

    /// <summary>
    /// A group that cannot be read is left out, the others are kept; a list that cannot be read at all keeps the groups
    /// known, as an unreadable list is no list without groups.
    /// </summary>
    private void OnGroupList(GroupListReceived message)
    {
        var result = BridgeGroupsParser.Parse(message.Payload);
        foreach (var error in result.Errors)
        {
            log.Warning("Group list on {Topic}: {Error}", GroupListTopic, error);
        }

        if (result.Errors.Count > 0)
        {
            CountBadPayload(GroupListTopic);
        }

        if (result.Groups.Count == 0 && result.Errors.Count > 0)
        {
            return;
        }

        membersByGroup = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in result.Groups)
        {
            membersByGroup[group.FriendlyName] = group.MemberIeeeAddresses;
        }

        log.Info("Group list: {Count} groups, {Errors} unreadable", result.Groups.Count, result.Errors.Count);
    }

    /// <summary>
    /// A command to a device goes to it; one to a known group to its members, as a command to each; one to any other
    /// name (a group not known yet) to every device, which may all change.
    /// </summary>
    private void OnCommand(DeviceCommandReceived message)
    {
        if (ieeeByName.TryGetValue(message.FriendlyName, out var ieee))
        {
            Child(ieee).Forward(message);
            return;
        }

        if (membersByGroup.TryGetValue(message.FriendlyName, out var members))
        {
            // A member that is no listed device (the coordinator, one removed since) has no actor to tell.
            foreach (var member in members.Where(m => devices.Any(d => d.IeeeAddress == m)))
            {
                Child(member).Forward(message);
            }

            return;
        }

        var seen = new GroupCommandSeen(message.ReceivedAt);
        foreach (var child in children.Values)
        {
            child.Tell(seen);
        }
    }

    private void OnAvailability(DeviceAvailabilityReceived message)
    {
        if (!ieeeByName.TryGetValue(message.FriendlyName, out var ieee))
        {
            return;
        }

        if (ReadAvailability(message.Payload) is { } value)
        {
            availability[ieee] = value;
        }
        else
        {
            var topic = $"{zigbeeBaseTopic}/{message.FriendlyName}/availability";
            log.Warning("Unreadable availability payload on {Topic}", topic);
            CountBadPayload(topic);
        }
    }

    private void DeliverPending()
    {
        foreach (var name in pending.Keys.Where(ieeeByName.ContainsKey).ToList())
        {
            var message = pending[name];
            pending.Remove(name);
            stateMessages++;
            Child(ieeeByName[name]).Tell(message);
        }
    }

    private void ListDevices(IActorRef replyTo) =>
        Usage(devices).ContinueWith(
            t => new DevicesView(t.Result.Select(u => new DeviceSummary(
                u.Device.IeeeAddress,
                u.Device.FriendlyName,
                u.Device.Model,
                u.Device.Vendor,
                u.Device.Features.Count,
                u.Snapshot.LastSeen,
                u.Availability)).ToList()),
            TaskScheduler.Default).PipeTo(replyTo);

    private void ReplyUsage(GetDeviceUsage query, IActorRef replyTo)
    {
        var asked = query.IeeeAddress is { } ieee ? devices.Where(d => d.IeeeAddress == ieee).ToList() : devices;
        Usage(asked).ContinueWith(t => new DeviceUsageView(t.Result), TaskScheduler.Default).PipeTo(replyTo);
    }

    /// <summary>Asks the device actors of <paramref name="known"/>; a device whose actor does not answer has empty usage.</summary>
    private Task<DeviceUsage[]> Usage(IReadOnlyList<ZigbeeDevice> known)
    {
        var availabilityNow = new Dictionary<string, string>(availability, StringComparer.Ordinal);
        var asks = known.Select(d => Child(d.IeeeAddress).Ask<DeviceSnapshotView>(GetDeviceSnapshot.Instance, AskTimeout).ContinueWith(
            t =>
            {
                var view = t.IsCompletedSuccessfully ? t.Result : null;
                var snapshot = view?.Snapshot ?? DeviceSnapshot.Empty;
                return new DeviceUsage(
                    d,
                    snapshot.Definition is null ? snapshot.WithDefinition(d) : snapshot,
                    view?.StateChanges ?? 0,
                    availabilityNow.GetValueOrDefault(d.IeeeAddress));
            },
            TaskScheduler.Default));
        return Task.WhenAll(asks);
    }

    /// <summary>
    /// The latest list's devices; before a list arrived since start (an import runs without MQTT), the definitions the
    /// device actors of the persisted list persisted themselves.
    /// </summary>
    private void ReplyKnownDevices(IActorRef replyTo)
    {
        if (devices.Count > 0)
        {
            replyTo.Tell(new KnownDevices(devices));
            return;
        }

        PersistedDefinitions().ContinueWith(t => new KnownDevices(t.Result), TaskScheduler.Default).PipeTo(replyTo);
    }

    /// <summary>The definitions the device actors of the persisted list persisted themselves, in list order.</summary>
    private Task<IReadOnlyList<ZigbeeDevice>> PersistedDefinitions()
    {
        var asks = managerState.Entries.Select(e => Child(e.IeeeAddress).Ask<DeviceSnapshotView>(GetDeviceSnapshot.Instance, RecoveryAskTimeout)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.Snapshot.Definition : null, TaskScheduler.Default));
        return Task.WhenAll(asks).ContinueWith(
            t => (IReadOnlyList<ZigbeeDevice>)t.Result.OfType<ZigbeeDevice>().ToList(),
            TaskScheduler.Default);
    }

    private IActorRef Child(string ieee)
    {
        if (children.TryGetValue(ieee, out var child))
        {
            return child;
        }

        child = Context.ActorOf(DeviceActor.Props(ieee, events, zigbeeBaseTopic, snapshotEvery, usageSettings), ActorName(ieee));
        Context.Watch(child);
        children[ieee] = child;
        return child;
    }

    private void Drain(IActorRef replyTo)
    {
        var asks = children.Values
            .Select(child => child.Ask<DeviceDrained>(DrainDevice.Instance, DrainTimeout).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default))
            .ToList();
        Task.WhenAll(asks).ContinueWith(
            t => new DevicesDrained(t.Result.Count(ok => ok), t.Result.Count(ok => !ok)),
            TaskScheduler.Default).PipeTo(replyTo);
    }

    private void OnTerminated(Terminated terminated)
    {
        foreach (var entry in children.Where(c => c.Value.Equals(terminated.ActorRef)).ToList())
        {
            log.Warning("Device actor {Ieee} stopped; it is recreated from its journal on its next message", entry.Key);
            children.Remove(entry.Key);
        }
    }

    private void CountBadPayload(string topic) => badPayloads[topic] = badPayloads.GetValueOrDefault(topic) + 1;

    /// <summary>
    /// Each device's raw JSON by ieee address: what the device actor persists and re-parses on recovery. Read one
    /// device at a time as the parser reads them, so the devices before damage in a broken list keep theirs; a repeated
    /// address keeps its first device, as the parser does.
    /// </summary>
    private static Dictionary<string, string> RawDeviceJson(byte[] payload)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = payload.AsSpan();
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = BridgeDevicesParser.MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return result;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                using var device = JsonDocument.ParseValue(ref reader);
                if (device.RootElement.ValueKind == JsonValueKind.Object
                    && device.RootElement.TryGetProperty("ieee_address", out var ieee)
                    && ieee.ValueKind == JsonValueKind.String
                    && TryText(ieee) is { } address)
                {
                    result.TryAdd(address, device.RootElement.GetRawText());
                }
            }
        }
        catch (JsonException)
        {
            // The parser has already reported where the list breaks; the devices before it are kept.
        }

        return result;
    }

    private static string? TryText(JsonElement text)
    {
        try
        {
            return text.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape: the parser has already reported that device.
            return null;
        }
    }

    private static string RawExposeType(string? rawJson)
    {
        if (rawJson is null)
        {
            return "(none)";
        }

        try
        {
            using var document = JsonDocument.Parse(rawJson);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type)
                ? type.ValueKind == JsonValueKind.String ? type.GetString()! : type.GetRawText()
                : "(none)";
        }
        catch (JsonException)
        {
            return "(unreadable)";
        }
    }

    private static string? ReadAvailability(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object when document.RootElement.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String => s.GetString(),
                JsonValueKind.String => document.RootElement.GetString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(payload).Trim();
            return text is "online" or "offline" ? text : null;
        }
    }

    /// <summary>Ieee addresses are valid actor names; anything else is escaped so a bad list cannot crash the manager.</summary>
    private static string ActorName(string ieee) =>
        ieee.Length > 0 && ieee.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? ieee
            : "device-" + Convert.ToHexString(Encoding.UTF8.GetBytes(ieee));
}
