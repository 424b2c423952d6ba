namespace HaIngestor.Domain.Devices;

/// <summary>One device of <c>zigbee2mqtt/bridge/devices</c>, with its features flattened.</summary>
/// <param name="IeeeAddress">Stable identity (a rename keeps it).</param>
/// <param name="FriendlyName">The MQTT topic name; may contain '/', spaces, non-ASCII.</param>
/// <param name="Type">Coordinator, Router, EndDevice, GreenPower, Unknown.</param>
/// <param name="Model">definition.model, when there is a definition.</param>
/// <param name="Vendor">definition.vendor.</param>
/// <param name="Description">definition.description.</param>
/// <param name="Supported">Zigbee2MQTT's <c>supported</c>.</param>
/// <param name="Disabled">Zigbee2MQTT's <c>disabled</c>.</param>
/// <param name="InterviewState">PENDING, IN_PROGRESS, SUCCESSFUL, FAILED.</param>
/// <param name="Features">Leaf features in expose order.</param>
public sealed record ZigbeeDevice(
    string IeeeAddress,
    string FriendlyName,
    string Type,
    string? Model,
    string? Vendor,
    string? Description,
    bool Supported,
    bool Disabled,
    string InterviewState,
    IReadOnlyList<DeviceFeature> Features);
