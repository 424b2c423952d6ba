namespace HaIngestor.Domain.Detection;

/// <summary>Thresholds of <see cref="CoOccurrenceDetector"/>.</summary>
/// <param name="WindowSeconds">How soon after A the action B must follow.</param>
/// <param name="MinCount">Least number of A occurrences followed by B.</param>
/// <param name="MinConfidence">Least P(B within the window | A).</param>
/// <param name="MinLift">Least confidence over chance (see <see cref="CoOccurrenceDetector"/>).</param>
/// <param name="MinDays">Least number of distinct local days the pair was seen on.</param>
/// <param name="MaxStatesPerEntity">Entities with more distinct states are measurements, not switches, and are left out.</param>
public sealed record CoOccurrenceSettings(
    double WindowSeconds = 120,
    int MinCount = 5,
    double MinConfidence = 0.5,
    double MinLift = 2,
    int MinDays = 3,
    int MaxStatesPerEntity = 8);
