namespace HaIngestor.Domain.Detection;

/// <summary>A stretch during which a person kept something on: the human on-like action and how long until the next off-like state.</summary>
/// <param name="Start">Timeline index of the human on-like action.</param>
/// <param name="Seconds">Elapsed (real, not wall-clock) seconds until the off-like state.</param>
internal readonly record struct OnPeriod(int Start, double Seconds);
