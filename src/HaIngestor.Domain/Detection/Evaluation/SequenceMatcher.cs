namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// sequence: the detected steps (entity and state) appear in the planted sequence in the same order, steps
/// may be skipped; a detected part of a planted sequence is that sequence seen through the detector's limits
/// (at most four steps, each on another entity).
/// </summary>
public sealed class SequenceMatcher : ITruthMatcher
{
    public string Kind => SequenceDetector.TypeName;

    public bool Matches(Pattern detected, TruthEntry truth)
    {
        if (detected.Entities.Count < 2 || detected.States.Count != detected.Entities.Count || truth.States.Count != truth.Entities.Count)
        {
            return false;
        }

        var matched = 0;
        for (var k = 0; k < truth.Entities.Count && matched < detected.Entities.Count; k++)
        {
            if (truth.Entities[k] == detected.Entities[matched] && truth.States[k] == detected.States[matched])
            {
                matched++;
            }
        }

        return matched == detected.Entities.Count;
    }
}
