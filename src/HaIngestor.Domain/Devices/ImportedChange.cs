namespace HaIngestor.Domain.Devices;

/// <summary>A use of a device feature found in imported history, with its time and the home's local day of it.</summary>
public sealed record ImportedChange(DateTimeOffset Time, DateOnly Day, PropertyChange Change);
