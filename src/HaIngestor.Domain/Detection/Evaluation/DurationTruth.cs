namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>The planted on-times of an entity in an on-like state (every source mixed by its rate).</summary>
/// <param name="MedianSeconds">Median of the planted on-times, seconds.</param>
/// <param name="P25Seconds">First quartile, seconds.</param>
/// <param name="P75Seconds">Third quartile, seconds.</param>
public sealed record DurationTruth(double MedianSeconds, double P25Seconds, double P75Seconds) : TruthDetails;
