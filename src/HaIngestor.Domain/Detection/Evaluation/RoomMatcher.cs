namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>room: same area, and entity sets overlapping by Jaccard ≥ <see cref="MatchTolerances.RoomMinJaccard"/>.</summary>
public sealed class RoomMatcher(MatchTolerances tolerances) : ITruthMatcher
{
    public string Kind => RoomDetector.TypeName;

    public bool Matches(Pattern detected, TruthEntry truth)
    {
        if (detected.Details is not RoomDetails found || truth.Details is not RoomTruth planted || found.Area != planted.Area)
        {
            return false;
        }

        var a = detected.Entities.ToHashSet(StringComparer.Ordinal);
        var b = truth.Entities.ToHashSet(StringComparer.Ordinal);
        var union = a.Union(b).Count();
        return union > 0 && (double)a.Intersect(b).Count() / union >= tolerances.RoomMinJaccard;
    }
}
