using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// time_of_day: same entity and state, local times within the tolerance on the 24-hour circle, and days of
/// the week compatible: each side shares at least <see cref="MatchTolerances.MinDayOverlap"/> of its days with
/// the other (weekdays matches Monday–Thursday, but not weekends, and not "all" for a weekend routine).
/// </summary>
public sealed class TimeOfDayMatcher(MatchTolerances tolerances) : ITruthMatcher
{
    public string Kind => TimeOfDayDetector.TypeName;

    public bool Matches(Pattern detected, TruthEntry truth) =>
        detected.Details is TimeOfDayDetails found
        && truth.Details is TimeOfDayTruth planted
        && SameFirstStep(detected, truth)
        && Math.Abs(CircularTime.Difference(found.LocalMinuteOfDay, planted.LocalMinuteOfDay)) <= tolerances.TimeOfDayMinutes
        && DaysCompatible(found.Days, planted.Days, tolerances.MinDayOverlap);

    /// <summary>Whether each selection shares at least <paramref name="minOverlap"/> of its days with the other.</summary>
    public static bool DaysCompatible(DaySelection a, DaySelection b, double minOverlap)
    {
        if (a.Days.Count == 0 || b.Days.Count == 0)
        {
            return false;
        }

        var shared = a.Days.Count(b.Contains);
        return shared >= minOverlap * a.Days.Count && shared >= minOverlap * b.Days.Count;
    }

    internal static bool SameFirstStep(Pattern detected, TruthEntry truth) =>
        detected.Entities.Count > 0 && truth.Entities.Count > 0
        && detected.Entities[0] == truth.Entities[0]
        && detected.States.Count > 0 && truth.States.Count > 0
        && detected.States[0] == truth.States[0];
}
