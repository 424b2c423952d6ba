namespace HaIngestor.Domain.Devices;

/// <summary>The changes of one feature on one local day of the home, by origin.</summary>
public sealed record DailyUsage(DateOnly Day, OriginCounts Counts);
