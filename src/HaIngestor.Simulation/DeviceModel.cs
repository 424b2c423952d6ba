namespace HaIngestor.Simulation;

/// <summary>The product a simulated device is: what Zigbee2MQTT shows in its definition and basic cluster.</summary>
internal sealed record DeviceModel(
    string Model,
    string Vendor,
    string Description,
    string ModelId,
    string Manufacturer,
    string SoftwareBuildId,
    string DateCode,
    bool Battery,
    bool SupportsOta);
