namespace HaIngestor.Domain.Devices;

/// <summary>How one property of a device has been used.</summary>
/// <param name="ChangeCount">How many times its value changed.</param>
/// <param name="LastValue">Last value as JSON text.</param>
/// <param name="LastChanged">When it last changed, UTC.</param>
/// <param name="DistinctValues">Distinct values seen (capped, see <see cref="DeviceSnapshot.MaxDistinctValues"/>).</param>
public sealed record FeatureUsage(long ChangeCount, string? LastValue, DateTimeOffset? LastChanged, IReadOnlyList<string> DistinctValues);
