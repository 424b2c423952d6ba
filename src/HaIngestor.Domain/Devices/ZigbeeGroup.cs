namespace HaIngestor.Domain.Devices;

/// <summary>A Zigbee2MQTT group: a command to its friendly name reaches the devices with these ieee addresses.</summary>
public sealed record ZigbeeGroup(string FriendlyName, IReadOnlyList<string> MemberIeeeAddresses);
