namespace HaIngestor.Simulation;

/// <summary>One MQTT message as Zigbee2MQTT publishes it.</summary>
/// <param name="Topic">Full topic, e.g. <c>zigbee2mqtt/kitchen/ceiling light</c>.</param>
/// <param name="Payload">UTF-8 JSON.</param>
/// <param name="Retain">Whether Zigbee2MQTT publishes it retained.</param>
public sealed record ZigbeeMessage(string Topic, byte[] Payload, bool Retain = false)
{
    public const string BaseTopic = "zigbee2mqtt";

    public const string BridgeDevicesTopic = BaseTopic + "/bridge/devices";

    /// <summary>A device state message on <c>zigbee2mqtt/&lt;friendly_name&gt;</c>.</summary>
    public static ZigbeeMessage DeviceState(string friendlyName, byte[] payload) => new($"{BaseTopic}/{friendlyName}", payload);

    /// <summary>The retained device list of <paramref name="home"/>.</summary>
    public static ZigbeeMessage BridgeDevices(SimulatedHome home) => new(BridgeDevicesTopic, home.BridgeDevicesPayload(), Retain: true);
}
