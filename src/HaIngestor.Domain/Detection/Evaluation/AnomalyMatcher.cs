namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>anomaly: same entity and same local date (an unusual hour and the long on-time it starts are one event).</summary>
public sealed class AnomalyMatcher : ITruthMatcher
{
    public string Kind => AnomalyDetector.TypeName;

    public bool Matches(Pattern detected, TruthEntry truth) =>
        detected.Details is AnomalyDetails found
        && truth.Details is AnomalyTruth planted
        && detected.Entities.Count > 0 && truth.Entities.Count > 0
        && detected.Entities[0] == truth.Entities[0]
        && found.Date == planted.Date;
}
