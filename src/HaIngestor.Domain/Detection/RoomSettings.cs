namespace HaIngestor.Domain.Detection;

/// <summary>Thresholds of <see cref="RoomDetector"/>.</summary>
/// <param name="WindowSeconds">How close in time two activations must be to count as used together.</param>
/// <param name="MinPairCount">Least number of times one entity's activation was followed by the other's.</param>
/// <param name="MinPairDays">Least number of local days a pair was seen on.</param>
/// <param name="MinPairConfidence">Least P(the other entity within the window | one entity's activation) of a pair.</param>
/// <param name="MinLift">Least lift of a pair against chance (as in <see cref="CoOccurrenceDetector"/>).</param>
/// <param name="MinDays">Least number of local days the group was used together.</param>
/// <param name="MaxStatesPerEntity">Entities with more distinct states are measurements and are left out.</param>
public sealed record RoomSettings(
    double WindowSeconds = 300,
    int MinPairCount = 5,
    int MinPairDays = 3,
    double MinPairConfidence = 0.3,
    double MinLift = 2,
    int MinDays = 3,
    int MaxStatesPerEntity = 8);
