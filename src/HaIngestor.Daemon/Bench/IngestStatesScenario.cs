using Akka.Actor;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// ISSUE4 "Performance": 20,000 device state messages per second through BridgeActor → DeviceActors without loss.
/// The messages are the simulated home's Zigbee2MQTT traffic, one per simulated state change; all are injected at
/// once and the clock stops when the last resulting state change is in the SQLite store, so the rate is what the
/// pipeline sustains end to end. Loss is counted against the simulated changes: each must be stored with its
/// entity, state and time.
/// </summary>
public sealed class IngestStatesScenario(JournalKind journal) : IBenchScenario
{
    private const double TargetPerSecond = 20_000;

    public string Name => journal == JournalKind.Sqlite ? "ingest-states" : "ingest-states-inmem-journal";

    public string Description => journal == JournalKind.Sqlite
        ? "device state messages through BridgeActor → DeviceActors (SQLite journal) → EventWriterActor (SQLite)"
        : "the same with Akka's in-memory journal (diagnostic: the actors without the journal's writes)";

    public async Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken)
    {
        var sizes = workspace.Sizes;
        var home = workspace.Home;
        workspace.Progress.WriteLine($"  simulating {sizes.Messages:N0} Zigbee2MQTT state messages of {home.Devices.Count} devices (not timed) ...");
        var traffic = Traffic(home, BenchHome.Start(home, sizes), sizes);

        await using var pipeline = await IngestPipeline.StartAsync(Path.Combine(workspace.Directory, $"{Name}.db"), journal);
        var connected = await pipeline.WaitConnectedAsync(TimeSpan.FromSeconds(10));
        var list = ZigbeeMessage.BridgeDevices(home);
        pipeline.Bridge.Tell(new MqttMessageReceived(list.Topic, list.Payload, traffic[0].Change.Time));
        await pipeline.DrainAsync();

        var meter = ResourceMeter.Start();
        foreach (var (message, change) in traffic)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pipeline.Bridge.Tell(new MqttMessageReceived(message.Topic, message.Payload, change.Time));
        }

        var (bridge, drained, flushed) = await pipeline.DrainAsync();
        var usage = meter.Stop();

        var stored = await pipeline.StoredAsync();
        var lost = Missing(traffic.Select(t => t.Change), stored);
        var manager = await pipeline.DeviceManagerStatusAsync();
        var writer = await pipeline.EventWriterStatusAsync();
        var journalEvents = await pipeline.JournalEventsAsync();
        var rate = traffic.Count / (usage.WallMilliseconds / 1000);
        return new BenchResult(
            Name,
            null,
            traffic.Count,
            "messages",
            usage,
            lost,
            journal == JournalKind.Sqlite ? $">= {TargetPerSecond:N0} messages/s, no loss" : "diagnostic (no target): compare with ingest-states",
            sizes.IsQuick || journal != JournalKind.Sqlite ? null : rate >= TargetPerSecond && lost == 0,
            [
                new("devices", home.Devices.Count),
                new("bridge_connected", connected ? 1 : 0),
                new("bridge_routed", bridge.MessagesRouted),
                new("expected_changes", traffic.Count),
                new("stored_changes", stored.Count),
                new("written", flushed.Written),
                new("writer_dropped", writer.Dropped),
                new("journal_events", journalEvents),
                new("unknown_device_messages", manager.UnknownDeviceMessages),
                new("bad_payloads", manager.BadPayloadsByTopic.Values.Sum()),
                new("devices_drained", drained.Drained),
            ]);
    }

    /// <summary>The first <see cref="BenchSizes.Messages"/> simulated changes that Zigbee2MQTT publishes, with their messages.</summary>
    private static List<(ZigbeeMessage Message, StateChange Change)> Traffic(SimulatedHome home, DateTimeOffset start, BenchSizes sizes)
    {
        var publisher = new ZigbeeStatePublisher(home);
        var traffic = new List<(ZigbeeMessage, StateChange)>(sizes.Messages);
        foreach (var change in new HistoryGenerator(home).Generate(start, sizes.Days))
        {
            if (publisher.Publish(change) is { } message)
            {
                traffic.Add((message, change));
                if (traffic.Count == sizes.Messages)
                {
                    break;
                }
            }
        }

        return traffic;
    }

    /// <summary>Expected changes with no stored change of the same entity, state and time (each stored one matches once).</summary>
    private static long Missing(IEnumerable<StateChange> expected, IReadOnlyList<StateChange> stored)
    {
        var available = new Dictionary<(string, string, long), int>();
        foreach (var change in stored)
        {
            var key = (change.EntityId, change.State, change.Time.ToUnixTimeMilliseconds());
            available[key] = available.GetValueOrDefault(key) + 1;
        }

        long missing = 0;
        foreach (var change in expected)
        {
            var key = (change.EntityId, change.State, change.Time.ToUnixTimeMilliseconds());
            if (available.GetValueOrDefault(key) is > 0 and var left)
            {
                available[key] = left - 1;
            }
            else
            {
                missing++;
            }
        }

        return missing;
    }
}
