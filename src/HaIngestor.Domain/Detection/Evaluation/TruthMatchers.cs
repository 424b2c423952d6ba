namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>The matching rules of the Group A pattern types.</summary>
public static class TruthMatchers
{
    public static IReadOnlyList<ITruthMatcher> GroupA(MatchTolerances tolerances) =>
    [
        new TimeOfDayMatcher(tolerances),
        new CoOccurrenceMatcher(),
        new SequenceMatcher(),
        new DurationMatcher(tolerances),
        new RoomMatcher(tolerances),
        new AnomalyMatcher(),
    ];
}
