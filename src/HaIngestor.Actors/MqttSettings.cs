using System.Text;

namespace HaIngestor.Actors;

/// <summary>The broker session and the topic roots.</summary>
public sealed record MqttSettings
{
    /// <summary>Broker host; the daemon fills it with the embedded broker's address when configuration leaves it empty.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    public string? Username { get; init; }

    /// <summary>Never logged: <see cref="ToString"/> prints it masked.</summary>
    public string? Password { get; init; }

    public bool UseTls { get; init; }

    public string ClientId { get; init; } = "ha-ingestor";

    public string Zigbee2MqttBaseTopic { get; init; } = "zigbee2mqtt";

    public string BaseTopic { get; init; } = "ha-ai";

    public string DiscoveryPrefix { get; init; } = "homeassistant";

    /// <summary>First delay before reconnecting; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages kept while the broker is unreachable; beyond it the oldest are dropped and counted.</summary>
    public int OutboxCapacity { get; init; } = 10_000;

    /// <summary>The retained birth / last-will topic.</summary>
    public string StatusTopic => $"{BaseTopic}/status";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Host = {Host}, Port = {Port}, Username = {Username}, Password = {(Password is null ? "(none)" : "***")}, ");
        builder.Append($"UseTls = {UseTls}, ClientId = {ClientId}, Zigbee2MqttBaseTopic = {Zigbee2MqttBaseTopic}, ");
        builder.Append($"BaseTopic = {BaseTopic}, DiscoveryPrefix = {DiscoveryPrefix}, ReconnectMinDelay = {ReconnectMinDelay}, ");
        builder.Append($"ReconnectMaxDelay = {ReconnectMaxDelay}, OutboxCapacity = {OutboxCapacity}");
        return true;
    }
}
