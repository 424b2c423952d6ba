namespace HaIngestor.Domain.Devices;

/// <summary>The device feature a Home Assistant entity's state comes from, and the features its attributes carry.</summary>
/// <param name="Device">The Zigbee2MQTT device.</param>
/// <param name="StateFeature">The feature the entity's state maps (<see cref="EntityMapping"/>).</param>
/// <param name="Siblings">The other features of the same light, cover, climate or fan (same endpoint), and the device's
/// top-level features, which attributes such as <c>effect</c> carry.</param>
public sealed record EntityTarget(ZigbeeDevice Device, DeviceFeature StateFeature, IReadOnlyList<DeviceFeature> Siblings);
