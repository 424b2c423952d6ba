namespace HaIngestor.Domain.Devices;

/// <summary>A device (or the whole list) that could not be parsed, and why.</summary>
public sealed record DeviceParseError(string? IeeeAddress, string Message);
