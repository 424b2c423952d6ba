using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Sql;
using HaIngestor.Actors;
using HaIngestor.Actors.Bridge;
using HaIngestor.Actors.Devices;
using HaIngestor.Actors.Events;
using HaIngestor.Actors.Protocol;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.EventStore;
using Microsoft.Data.Sqlite;
using MQTTnet.Server;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// The daemon's ingest path, built as the guardian builds it: BridgeActor → DeviceManagerActor → DeviceActors
/// (Akka.Persistence on a SQLite file, configured by <see cref="PersistenceHocon"/> like the daemon) →
/// EventWriterActor → <see cref="SqliteEventStore"/> in the same file. The bridge is connected to an in-process
/// MQTTnet broker so it runs in its normal state; messages are injected as <see cref="MqttMessageReceived"/>,
/// which the bridge handles exactly like a message from the broker.
/// </summary>
public sealed class IngestPipeline : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromMinutes(2);

    private const string InMemoryJournal = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private readonly MqttServer broker;
    private readonly ActorSystem system;
    private readonly string connectionString;
    private readonly JournalKind journal;

    private IngestPipeline(MqttServer broker, ActorSystem system, string connectionString, JournalKind journal, SqliteEventStore store, IActorRef events, IActorRef devices, IActorRef bridge)
    {
        this.broker = broker;
        this.system = system;
        this.connectionString = connectionString;
        this.journal = journal;
        Store = store;
        Events = events;
        Devices = devices;
        Bridge = bridge;
    }

    public SqliteEventStore Store { get; }

    public IActorRef Events { get; }

    public IActorRef Devices { get; }

    public IActorRef Bridge { get; }

    public static async Task<IngestPipeline> StartAsync(string databasePath, JournalKind journal)
    {
        var port = FreePort.Find();
        var broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .Build());
        await broker.StartAsync();

        // Akka logs to standard output here (no Serilog): only errors, so the table and --json - stay clean.
        var config = ConfigurationFactory.ParseString("akka.loglevel = ERROR\nakka.stdout-loglevel = ERROR")
            .WithFallback(ConfigurationFactory.ParseString(journal == JournalKind.InMemory ? InMemoryJournal : ""))
            .WithFallback(PersistenceHocon.SqliteSystem(databasePath));
        var system = ActorSystem.Create("haingestor-bench", config);

        var settings = new HaIngestorSettings { Mqtt = new MqttSettings { Host = "127.0.0.1", Port = port, ClientId = "ha-ingestor-bench" } };
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(databasePath) }.ToString();
        var store = new SqliteEventStore(connectionString);
        var events = system.ActorOf(EventWriterActor.Props(store, settings.EventWriter, settings.RawRetentionDays), "events");
        // The manager's own announcements (device list changes) go nowhere: only the ingest path is measured.
        var devices = system.ActorOf(
            DeviceManagerActor.Props(events, ActorRefs.Nobody, settings.Mqtt.Zigbee2MqttBaseTopic, settings.Mqtt.BaseTopic, settings.SnapshotEvery, TimeProvider.System),
            "devices");
        var bridge = system.ActorOf(BridgeActor.Props(settings.Mqtt, devices, ActorRefs.Nobody, TimeProvider.System), "bridge");
        return new IngestPipeline(broker, system, connectionString, journal, store, events, devices, bridge);
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for the bridge's MQTT session; true when connected.</summary>
    public async Task<bool> WaitConnectedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await Bridge.Ask<BridgeStatus>(GetBridgeStatus.Instance, AskTimeout);
            if (status.State == MqttConnectionState.Connected)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>
    /// Returns once everything injected so far is stored: the bridge has routed it, every device actor has persisted
    /// and passed it on, and the event writer has written its buffer.
    /// </summary>
    public async Task<(BridgeStatus Bridge, DevicesDrained Devices, EventsFlushed Events)> DrainAsync()
    {
        var bridgeStatus = await Bridge.Ask<BridgeStatus>(GetBridgeStatus.Instance, AskTimeout);

        // Each device actor is given a few seconds per ask; a long backlog times out and is asked again.
        DevicesDrained drained;
        var rounds = 0;
        do
        {
            drained = await Devices.Ask<DevicesDrained>(DrainDevices.Instance, AskTimeout);
        }
        while (drained.TimedOut > 0 && ++rounds < 100);

        var flushed = await Events.Ask<EventsFlushed>(FlushEvents.Instance, AskTimeout);
        return (bridgeStatus, drained, flushed);
    }

    public Task<DeviceManagerStatus> DeviceManagerStatusAsync() => Devices.Ask<DeviceManagerStatus>(GetDeviceManagerStatus.Instance, AskTimeout);

    public Task<EventWriterStatus> EventWriterStatusAsync() => Events.Ask<EventWriterStatus>(GetEventWriterStatus.Instance, AskTimeout);

    public Task<IReadOnlyList<StateChange>> StoredAsync() => Store.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>Events in Akka.Persistence's SQLite journal (device definitions and property changes).</summary>
    public async Task<long> JournalEventsAsync()
    {
        if (journal == JournalKind.InMemory)
        {
            return 0;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM event_journal";
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    public async ValueTask DisposeAsync()
    {
        await system.Terminate();
        await broker.StopAsync();
        broker.Dispose();
    }
}
