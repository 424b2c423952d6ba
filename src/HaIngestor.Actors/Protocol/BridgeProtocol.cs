namespace HaIngestor.Actors.Protocol;

/// <summary>An MQTT message as the client delivered it (payload copied out of MQTTnet's buffer).</summary>
public sealed record MqttMessageReceived(string Topic, byte[] Payload, DateTimeOffset ReceivedAt);

/// <summary>Publish at QoS 1; kept in the outbox while the broker is unreachable.</summary>
public sealed record Publish(string Topic, byte[] Payload, bool Retain);

public enum MqttConnectionState
{
    Disconnected,
    Connecting,
    Connected,
}

public sealed record GetBridgeStatus
{
    public static GetBridgeStatus Instance { get; } = new();
}

/// <summary>The session and its counters.</summary>
/// <param name="State">Current connection state.</param>
/// <param name="Connects">Successful connects, the first one included.</param>
/// <param name="MessagesReceived">Every message the broker delivered.</param>
/// <param name="MessagesRouted">Messages handed to another actor.</param>
/// <param name="MessagesIgnored">Messages on subscribed topics nothing listens to (set/get, other bridge topics).</param>
/// <param name="Published">Messages the broker acknowledged.</param>
/// <param name="OutboxSize">Messages waiting for the broker.</param>
/// <param name="OutboxDropped">Messages dropped because the outbox was full.</param>
/// <param name="LastError">The last connection error, if any.</param>
public sealed record BridgeStatus(
    MqttConnectionState State,
    long Connects,
    long MessagesReceived,
    long MessagesRouted,
    long MessagesIgnored,
    long Published,
    int OutboxSize,
    long OutboxDropped,
    string? LastError);

/// <summary>Say "offline", disconnect and stop reconnecting; the reply comes once every received message is routed.</summary>
public sealed record StopIngest
{
    public static StopIngest Instance { get; } = new();
}

public sealed record IngestStopped
{
    public static IngestStopped Instance { get; } = new();
}
