using System.Net;
using System.Text;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using HaIngestor.Actors.Bridge;
using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace HaIngestor.Actors.Tests;

/// <summary>The bridge against a real in-process MQTTnet broker on loopback.</summary>
public sealed class BridgeBrokerTests : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly int port = FreePort.Next();
    private MqttServer? server;

    public async Task InitializeAsync() => server = await StartServer(port);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.StopAsync();
            server.Dispose();
        }
    }

    [Fact]
    public async Task Connects_announces_itself_routes_and_resubscribes_after_the_broker_restarts()
    {
        var devices = CreateTestProbe();
        var settings = new MqttSettings
        {
            Host = "127.0.0.1",
            Port = port,
            ClientId = "bridge-under-test",
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        };
        Sys.ActorOf(BridgeActor.Props(settings, devices, CreateTestProbe(), TimeProvider.System), "bridge");

        Assert.Equal("online", await RetainedStatus());
        await PublishFromZigbee2Mqtt("zigbee2mqtt/hall/ceiling light", """{"state":"ON"}""");
        var first = devices.ExpectMsg<DeviceStateReceived>(Patience);
        Assert.Equal("hall/ceiling light", first.FriendlyName);
        Assert.Equal("""{"state":"ON"}""", Encoding.UTF8.GetString(first.Payload));

        var stopped = server!;
        await stopped.StopAsync();
        stopped.Dispose();
        server = await StartServer(port);

        // The new broker knows nothing: "online" is there again only if the bridge reconnected and,
        // since birth follows subscription, re-subscribed.
        Assert.Equal("online", await RetainedStatus());
        await PublishFromZigbee2Mqtt("zigbee2mqtt/hall/ceiling light", """{"state":"OFF"}""");
        var second = devices.ExpectMsg<DeviceStateReceived>(Patience);
        Assert.Equal("""{"state":"OFF"}""", Encoding.UTF8.GetString(second.Payload));
    }

    private static async Task<MqttServer> StartServer(int port)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return server;
    }

    /// <summary>Subscribes as another client until the retained <c>ha-ai/status</c> arrives.</summary>
    private async Task<string> RetainedStatus()
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.Retain)
                {
                    received.TrySetResult(Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)));
                }

                return Task.CompletedTask;
            };
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build(), deadline.Token);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("ha-ai/status", MqttQualityOfServiceLevel.AtLeastOnce).Build(), deadline.Token);
            var first = await Task.WhenAny(received.Task, Task.Delay(TimeSpan.FromMilliseconds(300), deadline.Token));
            if (first == received.Task)
            {
                return await received.Task;
            }
        }
    }

    private async Task PublishFromZigbee2Mqtt(string topic, string payload)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        await client.DisconnectAsync();
    }
}
