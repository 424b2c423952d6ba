namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>co_occurrence: the same ordered pair, first entity and state, then second entity and state.</summary>
public sealed class CoOccurrenceMatcher : ITruthMatcher
{
    public string Kind => CoOccurrenceDetector.TypeName;

    public bool Matches(Pattern detected, TruthEntry truth) =>
        detected.Entities.Count == 2 && truth.Entities.Count == 2
        && detected.States.Count == 2 && truth.States.Count == 2
        && detected.Entities.SequenceEqual(truth.Entities, StringComparer.Ordinal)
        && detected.States.SequenceEqual(truth.States, StringComparer.Ordinal);
}
