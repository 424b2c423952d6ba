namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>duration: same entity and state, and the detected median on-time within ±<see cref="MatchTolerances.DurationFraction"/> of the planted one.</summary>
public sealed class DurationMatcher(MatchTolerances tolerances) : ITruthMatcher
{
    public string Kind => DurationDetector.TypeName;

    public bool Matches(Pattern detected, TruthEntry truth) =>
        detected.Details is DurationDetails found
        && truth.Details is DurationTruth planted
        && TimeOfDayMatcher.SameFirstStep(detected, truth)
        && Math.Abs(found.MedianDurationSeconds - planted.MedianSeconds) <= tolerances.DurationFraction * planted.MedianSeconds;
}
