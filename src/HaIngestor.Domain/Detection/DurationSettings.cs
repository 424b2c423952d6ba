namespace HaIngestor.Domain.Detection;

/// <summary>Thresholds of <see cref="DurationDetector"/>.</summary>
/// <param name="MinPeriods">Least number of on→off periods.</param>
/// <param name="MinDays">Least number of distinct local days they started on.</param>
/// <param name="MaxDurationSeconds">Longer periods are forgotten switches or lost events, not usage.</param>
/// <param name="MinConfidence">Least confidence; spread-out on-times have no typical duration.</param>
/// <param name="MaxStatesPerEntity">Entities with more distinct states are measurements and are left out.</param>
public sealed record DurationSettings(
    int MinPeriods = 5,
    int MinDays = 3,
    double MaxDurationSeconds = 24 * 3600,
    double MinConfidence = 0.6,
    int MaxStatesPerEntity = 8);
