namespace HaIngestor.Domain.Detection;

/// <summary>Thresholds of <see cref="SequenceDetector"/>.</summary>
/// <param name="MaxGapSeconds">Longest pause between two steps of an episode.</param>
/// <param name="MinEpisodes">Least number of non-overlapping episodes.</param>
/// <param name="MinDays">Least number of distinct local days with an episode.</param>
/// <param name="MinConfidence">Least share of the first step's occurrences that went on through the whole sequence.</param>
/// <param name="MinLift">Least lift of each step pair against chance (as in <see cref="CoOccurrenceDetector"/>).</param>
/// <param name="MaxLength">Longest sequence, steps (2..4).</param>
/// <param name="SupportTolerance">A sequence inside a longer reported one is dropped when the longer one has at least (1 − this) × its episodes.</param>
/// <param name="MaxCandidatesPerLevel">Most candidates counted per length, the most frequent first.</param>
/// <param name="MaxStatesPerEntity">Entities with more distinct states are measurements and are left out.</param>
public sealed record SequenceSettings(
    double MaxGapSeconds = 300,
    int MinEpisodes = 5,
    int MinDays = 3,
    double MinConfidence = 0.5,
    double MinLift = 2,
    int MaxLength = 4,
    double SupportTolerance = 0.2,
    int MaxCandidatesPerLevel = 2000,
    int MaxStatesPerEntity = 8);
