namespace HaIngestor.Domain.Devices;

/// <summary>A closed span of time: both ends included.</summary>
public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To);
