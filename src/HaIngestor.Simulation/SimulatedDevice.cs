namespace HaIngestor.Simulation;

/// <summary>One simulated Zigbee device (the Coordinator included, with <see cref="Kind"/> null).</summary>
/// <param name="Index">Position in <see cref="SimulatedHome.Devices"/>.</param>
/// <param name="IeeeAddress"><c>0x</c> and 16 lowercase hex digits.</param>
/// <param name="FriendlyName"><c>room/device</c>.</param>
/// <param name="Kind">What the device is; null for the Coordinator.</param>
/// <param name="NetworkAddress">16-bit short address (0 for the Coordinator).</param>
/// <param name="Slug">The entity object id base (ENTITY_MAPPING.md).</param>
/// <param name="Area">Area from the friendly name.</param>
/// <param name="Entities">Its HA entities.</param>
public sealed record SimulatedDevice(
    int Index,
    string IeeeAddress,
    string FriendlyName,
    DeviceKind? Kind,
    int NetworkAddress,
    string Slug,
    string? Area,
    IReadOnlyList<SimulatedEntity> Entities)
{
    /// <summary>Zigbee2MQTT's device type: mains-powered devices route, battery devices are end devices.</summary>
    public string ZigbeeType => Kind switch
    {
        null => "Coordinator",
        DeviceKind.Light or DeviceKind.Plug or DeviceKind.Thermostat => "Router",
        _ => "EndDevice",
    };

    /// <summary>The MQTT topic Zigbee2MQTT publishes its state on.</summary>
    public string StateTopic => $"{ZigbeeMessage.BaseTopic}/{FriendlyName}";
}
