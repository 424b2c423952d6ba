using System.Globalization;
using HaIngestor.Daemon.Demo;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.Events;
using HaIngestor.Integration.Tests.Infrastructure;
using HaIngestor.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// The whole daemon against a real mosquitto: simulated Zigbee2MQTT traffic goes through the BridgeActor,
/// the DeviceActors and the EventWriterActor into the SQLite L1 table, with no message lost.
/// </summary>
public sealed class Zigbee2MqttIngestTests : IClassFixture<MosquittoBroker>, IDisposable
{
    private readonly MosquittoBroker _broker;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("haingestor-it-").FullName;

    public Zigbee2MqttIngestTests(MosquittoBroker broker) => _broker = broker;

    [Fact]
    public async Task Simulated_traffic_arrives_in_the_L1_table_without_loss()
    {
        var home = SimulatedHome.Create(seed: 7);
        var zigbeeTopic = "z2m-" + Guid.NewGuid().ToString("N")[..8];
        await using var app = await StartDaemonAsync(home, zigbeeTopic);
        var store = app.Services.GetRequiredService<IEventStore>();
        await using var zigbee = await ConnectSimulatedZigbee2MqttAsync(home, zigbeeTopic);
        var start = DateTimeOffset.UtcNow;
        await zigbee.PublishHomeAsync(start, CancellationToken.None);
        var initial = await WaitForStableCountAsync(store);
        Assert.True(initial > 0, "the devices' initial states produced no entity state changes");

        var published = new List<StateChange>();
        foreach (var change in new HistoryGenerator(home).Generate(start, days: 2))
        {
            if (await zigbee.PublishChangeAsync(change, CancellationToken.None))
            {
                published.Add(change);
            }
        }

        Assert.True(published.Count > 200, $"only {published.Count} simulated changes were published");
        var expected = initial + published.Count;
        var stored = await WaitForCountAsync(store, expected, TimeSpan.FromSeconds(60));

        var rows = await store.ReadAsync(start.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var live = rows.Skip((int)initial).ToList();
        var differences = published.Select(p => p.EntityId).Concat(live.Select(r => r.EntityId)).Distinct()
            .Select(entity => (
                Entity: entity,
                Sent: published.Where(p => p.EntityId == entity).Select(p => p.State).ToList(),
                Arrived: live.Where(r => r.EntityId == entity).Select(r => r.State).ToList()))
            .Where(e => !e.Sent.SequenceEqual(e.Arrived))
            .Select(e => $"{e.Entity}: sent {e.Sent.Count} [{string.Join(",", e.Sent.Take(12))}], stored {e.Arrived.Count} [{string.Join(",", e.Arrived.Take(12))}]")
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(expected, stored);

        await app.StopAsync();
    }

    [Fact]
    public async Task Malformed_payloads_on_every_topic_are_counted_and_nothing_else_is_lost()
    {
        var home = SimulatedHome.Create(seed: 8);
        var zigbeeTopic = "z2m-" + Guid.NewGuid().ToString("N")[..8];
        await using var app = await StartDaemonAsync(home, zigbeeTopic);
        var store = app.Services.GetRequiredService<IEventStore>();
        await using var zigbee = await ConnectSimulatedZigbee2MqttAsync(home, zigbeeTopic);
        await zigbee.PublishHomeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var initial = await WaitForStableCountAsync(store);

        using var vandal = new MqttClientFactory().CreateMqttClient();
        await vandal.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(_broker.Host, _broker.Port).WithClientId("vandal-" + Guid.NewGuid().ToString("N")[..6]).Build());
        var device = home.Devices.First(d => d.Kind is not null).FriendlyName;
        string[] garbage = ["{not json", "[1,2,3]", "\"just a string\"", "", "{\"state\":", "\u0000\u0001"];
        foreach (var payload in garbage)
        {
            await vandal.PublishStringAsync($"{zigbeeTopic}/{device}", payload);
            await vandal.PublishStringAsync($"{zigbeeTopic}/bridge/devices", payload);
            await vandal.PublishStringAsync($"{zigbeeTopic}/no such device", payload);
        }

        var published = 0;
        foreach (var change in new HistoryGenerator(home).Generate(DateTimeOffset.UtcNow, days: 1))
        {
            if (await zigbee.PublishChangeAsync(change, CancellationToken.None))
            {
                published++;
            }
        }

        Assert.Equal(initial + published, await WaitForCountAsync(store, initial + published, TimeSpan.FromSeconds(60)));
        var guardian = app.Services.GetRequiredService<Akka.Hosting.IRequiredActor<HaIngestor.Actors.HaIngestorGuardian>>().ActorRef;
        var status = await Akka.Actor.Futures.Ask<HaIngestor.Actors.Protocol.HaIngestorStatus>(guardian, HaIngestor.Actors.Protocol.GetStatus.Instance, TimeSpan.FromSeconds(10));
        Assert.True(status.Devices!.BadPayloadsByTopic.Values.Sum() >= garbage.Length * 2, $"bad payloads counted: {string.Join(", ", status.Devices.BadPayloadsByTopic)}");
        await vandal.DisconnectAsync();
        await app.StopAsync();
    }

    /// <summary>The daemon against the shared mosquitto, with its own Zigbee2MQTT base topic and data directory.</summary>
    private async Task<WebApplication> StartDaemonAsync(SimulatedHome home, string zigbeeTopic)
    {
        var app = DaemonHost.Build(new DaemonStartOptions([], new Dictionary<string, string?>
        {
            ["HaIngestor:DataDirectory"] = _dataDirectory,
            ["HaIngestor:Mqtt:Host"] = _broker.Host,
            ["HaIngestor:Mqtt:Port"] = _broker.Port.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Mqtt:ClientId"] = "ha-ingestor-it-" + Guid.NewGuid().ToString("N")[..8],
            ["HaIngestor:Mqtt:Zigbee2MqttBaseTopic"] = zigbeeTopic,
            ["HaIngestor:Home:TimeZone"] = home.TimeZoneId,
            ["HaIngestor:Api:Urls"] = $"http://127.0.0.1:{FreePort.Find()}",
        }, Serilog.Events.LogEventLevel.Error));
        await app.StartAsync();
        return app;
    }

    /// <summary>The simulated Zigbee2MQTT, connected once the daemon has said it is online (and so subscribed).</summary>
    private async Task<SimulatedZigbee2Mqtt> ConnectSimulatedZigbee2MqttAsync(SimulatedHome home, string zigbeeTopic)
    {
        var zigbee = new SimulatedZigbee2Mqtt(home, _broker.Host, _broker.Port, zigbeeTopic);
        await zigbee.ConnectAsync(CancellationToken.None);
        await zigbee.WaitForDaemonOnlineAsync("ha-ai", TimeSpan.FromSeconds(30), CancellationToken.None);
        return zigbee;
    }

    private static async Task<long> WaitForStableCountAsync(IEventStore store)
    {
        long last = -1;
        var stableSince = DateTime.UtcNow;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var count = await store.CountAsync();
            if (count != last || count == 0)
            {
                last = count;
                stableSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(3))
            {
                return count;
            }

            await Task.Delay(100);
        }

        return last;
    }

    private static async Task<long> WaitForCountAsync(IEventStore store, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long count;
        do
        {
            count = await store.CountAsync();
            if (count >= expected)
            {
                // Give a late duplicate the chance to show itself before the count is judged.
                await Task.Delay(1500);
                return await store.CountAsync();
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return count;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after the host stopped; the temp dir is harmless.
        }
    }
}
