using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Event;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// Keeps the device list (friendly name → ieee address) and one <see cref="DeviceActor"/> per ieee address,
/// and routes state messages by friendly name. A rename keeps the ieee address, so the device's history stays.
/// A state message for a name not in the list yet (the broker does not order retained messages across topics)
/// is counted and its latest payload kept, per name and bounded, until a device list maps the name.
/// </summary>
public sealed class DeviceManagerActor : ReceiveActor
{
    public const int MaxPendingNames = 1024;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    private readonly IActorRef events;
    private readonly string zigbeeBaseTopic;
    private readonly int snapshotEvery;
    private readonly TimeProvider time;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private readonly Dictionary<string, string> ieeeByName = new(StringComparer.Ordinal);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IActorRef> children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> availability = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceStateReceived> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> badPayloads = new(StringComparer.Ordinal);
    private IReadOnlyList<ZigbeeDevice> devices = [];
    private DateTimeOffset? listReceivedAt;
    private long deviceLists;
    private long deviceErrors;
    private long stateMessages;
    private long unknownMessages;

    public DeviceManagerActor(IActorRef events, string zigbeeBaseTopic, int snapshotEvery, TimeProvider time)
    {
        this.events = events;
        this.zigbeeBaseTopic = zigbeeBaseTopic;
        this.snapshotEvery = snapshotEvery;
        this.time = time;

        Receive<DeviceListReceived>(OnDeviceList);
        Receive<DeviceStateReceived>(OnState);
        Receive<DeviceAvailabilityReceived>(OnAvailability);
        Receive<BadPayloadReported>(m => CountBadPayload(m.Topic));
        Receive<GetCapabilities>(_ => Sender.Tell(new CapabilitySnapshot(devices, listReceivedAt)));
        Receive<GetDevices>(_ => ListDevices(Sender));
        Receive<GetDeviceManagerStatus>(_ => Sender.Tell(new DeviceManagerStatus(
            devices.Count, deviceLists, deviceErrors, stateMessages, unknownMessages,
            new Dictionary<string, long>(badPayloads, StringComparer.Ordinal))));
        Receive<Terminated>(OnTerminated);
        Receive<DrainDevices>(_ => Drain(Sender));
    }

    public static Props Props(IActorRef events, string zigbeeBaseTopic, int snapshotEvery, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new DeviceManagerActor(events, zigbeeBaseTopic, snapshotEvery, time));

    private string DeviceListTopic => $"{zigbeeBaseTopic}/bridge/devices";

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

    private void ListDevices(IActorRef replyTo)
    {
        var known = devices;
        var snapshots = known.Select(d => Child(d.IeeeAddress).Ask<DeviceSnapshotView>(GetDeviceSnapshot.Instance, AskTimeout)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default)).ToList();
        var availabilityNow = new Dictionary<string, string>(availability, StringComparer.Ordinal);
        Task.WhenAll(snapshots).ContinueWith(
            t => new DevicesView(known.Select((d, i) => new DeviceSummary(
                d.IeeeAddress,
                d.FriendlyName,
                d.Model,
                d.Vendor,
                d.Features.Count,
                t.Result[i]?.Snapshot.LastSeen,
                availabilityNow.GetValueOrDefault(d.IeeeAddress))).ToList()),
            TaskScheduler.Default).PipeTo(replyTo);
    }

    private IActorRef Child(string ieee)
    {
        if (children.TryGetValue(ieee, out var child))
        {
            return child;
        }

        child = Context.ActorOf(DeviceActor.Props(ieee, events, zigbeeBaseTopic, snapshotEvery), ActorName(ieee));
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

    /// <summary>Each device's raw JSON by ieee address: what the device actor persists and re-parses on recovery.</summary>
    private static Dictionary<string, string> RawDeviceJson(byte[] payload)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return result;
            }

            foreach (var device in document.RootElement.EnumerateArray())
            {
                if (device.ValueKind == JsonValueKind.Object
                    && device.TryGetProperty("ieee_address", out var ieee)
                    && ieee.ValueKind == JsonValueKind.String)
                {
                    result[ieee.GetString()!] = device.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // The parser has already reported why the list is unreadable.
        }

        return result;
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
