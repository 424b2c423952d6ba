using System.Net;
using HaIngestor.Daemon.Configuration;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace HaIngestor.Daemon.Mqtt;

/// <summary>
/// The broker the daemon starts itself when no MQTT host is configured, so a first run needs nothing
/// installed. It listens on 127.0.0.1 only and keeps retained messages in memory.
/// </summary>
public sealed class EmbeddedBroker(IOptions<HaIngestorOptions> options, ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mqtt = options.Value.Mqtt;
        if (!mqtt.UsesEmbeddedBroker)
        {
            return;
        }

        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(mqtt.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        try
        {
            await _server.StartAsync();
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            throw new IOException(
                $"the embedded MQTT broker cannot listen on 127.0.0.1:{mqtt.Port}: the port is in use. If a broker already runs there, " +
                "set HaIngestor:Mqtt:Host (HAINGESTOR__Mqtt__Host) to use it; otherwise choose another HaIngestor:Mqtt:Port.", e);
        }

        logger.LogInformation("Embedded MQTT broker listening on 127.0.0.1:{Port}", mqtt.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync();
            logger.LogInformation("Embedded MQTT broker stopped");
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }
}
