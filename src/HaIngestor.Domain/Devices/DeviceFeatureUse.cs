namespace HaIngestor.Domain.Devices;

/// <summary>A change of one feature of one device, found in Home Assistant history.</summary>
public sealed record DeviceFeatureUse(string IeeeAddress, DateTimeOffset Time, PropertyChange Change);
