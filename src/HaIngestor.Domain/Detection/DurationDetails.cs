namespace HaIngestor.Domain.Detection;

/// <summary>The typical on-time of an entity in a state.</summary>
/// <param name="MedianDurationSeconds">Median on-time, seconds (<c>median_duration_s</c>).</param>
/// <param name="P25DurationSeconds">First quartile, seconds (<c>p25_duration_s</c>).</param>
/// <param name="P75DurationSeconds">Third quartile, seconds (<c>p75_duration_s</c>).</param>
public sealed record DurationDetails(double MedianDurationSeconds, double P25DurationSeconds, double P75DurationSeconds) : PatternDetails;
