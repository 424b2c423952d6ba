using System.Text;
using HaIngestor.Daemon.Demo;
using HaIngestor.Domain.Devices;
using HaIngestor.Integration.Tests.Infrastructure;
using HaIngestor.Simulation;
using HaIngestor.Storage.EventStore;
using MQTTnet;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// SIGTERM (systemd, Docker) stops the daemon through CoordinatedShutdown: the state changes still buffered in the
/// event writer are stored, the broker is told "offline", and the process exits with 0.
/// </summary>
public sealed class GracefulShutdownTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>, IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("haingestor-stop-").FullName;

    [Fact]
    public async Task Sigterm_stores_the_buffered_changes_says_offline_and_exits_cleanly()
    {
        var baseTopic = "ha-ai-" + Guid.NewGuid().ToString("N")[..8];
        using var daemon = DaemonProcess.Start(_workDirectory, new Dictionary<string, string>
        {
            ["HAINGESTOR__Mqtt__Host"] = broker.Host,
            ["HAINGESTOR__Mqtt__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HAINGESTOR__Mqtt__BaseTopic"] = baseTopic,
            ["HAINGESTOR__Mqtt__ClientId"] = baseTopic,
            ["HAINGESTOR__Mqtt__Zigbee2MqttBaseTopic"] = "z2m-" + baseTopic,
            ["HAINGESTOR__Api__Urls"] = $"http://127.0.0.1:{MosquittoBroker.FreePort()}",
        }, "run");

        var home = SimulatedHome.Create(seed: 11);
        await using (var zigbee = new SimulatedZigbee2Mqtt(home, broker.Host, broker.Port, "z2m-" + baseTopic))
        {
            await zigbee.ConnectAsync(CancellationToken.None);
            await zigbee.WaitForDaemonOnlineAsync(baseTopic, TimeSpan.FromSeconds(60), CancellationToken.None);
            await zigbee.PublishHomeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        }

        // Well inside the event writer's flush interval: the changes are still in its buffer.
        await Task.Delay(300);
        daemon.Terminate();
        var exit = await daemon.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"exit {exit}\n{daemon.Output}\n{daemon.Error}");
        var store = new SqliteEventStore($"Data Source={Path.Combine(_workDirectory, "data", "haingestor.db")}");
        var stored = await store.CountAsync();
        Assert.True(ExpectedInitialChanges(home) == stored, $"{stored} changes stored\n{daemon.Output}");
        Assert.Equal("offline", await RetainedStatusAsync($"{baseTopic}/status"));
    }

    /// <summary>What the simulated home's first state messages amount to, computed by the Domain alone.</summary>
    private static long ExpectedInitialChanges(SimulatedHome home)
    {
        var devices = BridgeDevicesParser.Parse(home.BridgeDevicesPayload()).Devices.ToDictionary(d => d.FriendlyName);
        long count = 0;
        foreach (var message in new ZigbeeStatePublisher(home).CurrentStates(DateTimeOffset.UtcNow))
        {
            var name = message.Topic[(ZigbeeMessage.BaseTopic.Length + 1)..];
            Assert.True(DeviceStatePayload.TryFlatten(message.Payload, out var values, out var error), error);
            var snapshot = DeviceSnapshot.Empty.WithDefinition(devices[name]);
            count += snapshot.ToStateChanges(snapshot.Diff(values), DateTimeOffset.UtcNow).Count;
        }

        Assert.True(count > 0);
        return count;
    }

    private async Task<string?> RetainedStatusAsync(string topic)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("status-reader-" + Guid.NewGuid().ToString("N")[..6]).Build());
        await client.SubscribeAsync(topic);
        var status = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.DisconnectAsync();
        return status;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The stopped daemon may still be releasing its SQLite file; the temporary directory is harmless.
        }
    }
}
