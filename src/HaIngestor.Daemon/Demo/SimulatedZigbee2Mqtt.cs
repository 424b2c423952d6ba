using HaIngestor.Simulation;
using MQTTnet;
using MQTTnet.Protocol;

namespace HaIngestor.Daemon.Demo;

/// <summary>
/// The demo's stand-in for Zigbee2MQTT: its own MQTT client that publishes the simulated home's retained
/// device list and device states, exactly as Zigbee2MQTT would.
/// </summary>
public sealed class SimulatedZigbee2Mqtt(SimulatedHome home, string host, int port, string baseTopic = ZigbeeMessage.BaseTopic) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ZigbeeStatePublisher _states = new(home);

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("simulated-zigbee2mqtt-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession()
            .Build();
        await _client.ConnectAsync(options, cancellationToken);
    }

    /// <summary>
    /// Waits for the daemon's retained birth message (<c>&lt;base&gt;/status</c> = <c>online</c>): it is published
    /// after the daemon has subscribed, so device states sent from then on reach it.
    /// </summary>
    public async Task WaitForDaemonOnlineAsync(string baseTopic, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var statusTopic = $"{baseTopic}/status";
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == statusTopic && e.ApplicationMessage.ConvertPayloadToString() == "online")
            {
                online.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await _client.SubscribeAsync(statusTopic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        await online.Task.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>The retained device list and every device's current state.</summary>
    public async Task<int> PublishHomeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await PublishAsync(ZigbeeMessage.BridgeDevices(home), cancellationToken);
        var count = 1;
        foreach (var message in _states.CurrentStates(now))
        {
            await PublishAsync(message, cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>Publishes the device state that <paramref name="change"/> amounts to; false when it has none.</summary>
    public async Task<bool> PublishChangeAsync(Domain.Events.StateChange change, CancellationToken cancellationToken)
    {
        if (_states.Publish(change) is not { } message)
        {
            return false;
        }

        await PublishAsync(message, cancellationToken);
        return true;
    }

    private Task PublishAsync(ZigbeeMessage message, CancellationToken cancellationToken) =>
        _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(baseTopic + message.Topic[ZigbeeMessage.BaseTopic.Length..])
                .WithPayload(message.Payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(message.Retain)
                .Build(),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or IOException or OperationCanceledException)
            {
                // The broker went first (the demo's embedded broker stops with the daemon): nothing left to say goodbye to.
            }
        }

        _client.Dispose();
    }
}
