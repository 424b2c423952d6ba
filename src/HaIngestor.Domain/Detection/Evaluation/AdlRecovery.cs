using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// Judges detected time-of-day routines against a real recording's labelled activities, which are activities,
/// not patterns: an activity with a concentrated start time counts as recovered when a time_of_day pattern of
/// a sensor tied to it lies within <paramref name="ToleranceMinutes"/> of its typical local start.
/// </summary>
/// <remarks>
/// A sensor is tied to an activity by the data, not by names: at least <paramref name="MinTiedEvents"/> and
/// <paramref name="MinTiedShare"/> of its changes fall inside the activity's labelled intervals (widened by
/// <paramref name="MarginMinutes"/>, since a door closes as Leaving begins), and that share is at least
/// <paramref name="MinTiedLift"/> times the share of the recorded time the intervals cover.
/// </remarks>
/// <param name="MinConcentration">Least start-time concentration (mean resultant length) of an activity expected to be a routine.</param>
/// <param name="ToleranceMinutes">Largest distance from the typical start.</param>
/// <param name="MarginMinutes">Widening of each labelled interval.</param>
/// <param name="MinTiedEvents">Least changes of a sensor inside the intervals.</param>
/// <param name="MinTiedShare">Least share of a sensor's changes inside the intervals.</param>
/// <param name="MinTiedLift">Least lift of that share over the time share.</param>
public sealed record AdlRecovery(
    double MinConcentration = 0.75,
    double ToleranceMinutes = 30,
    double MarginMinutes = 2,
    int MinTiedEvents = 3,
    double MinTiedShare = 0.3,
    double MinTiedLift = 2)
{
    public IReadOnlyList<AdlRecoveryRow> Assess(IReadOnlyList<AdlActivity> activities, IReadOnlyList<StateChange> events, IReadOnlyList<Pattern> patterns)
    {
        var human = events.Where(e => e.Origin == Origin.Manual && e.State != e.OldState).ToList();
        var observed = human.Count < 2 ? 1 : Math.Max(1, (human[^1].Time - human[0].Time).TotalSeconds);
        var perEntity = human.GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var routines = patterns.Where(p => p.Details is TimeOfDayDetails).ToList();
        var rows = new List<AdlRecoveryRow>(activities.Count);
        foreach (var activity in activities.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var margin = TimeSpan.FromMinutes(MarginMinutes);
            var intervals = activity.Intervals.Select(i => (Start: Widen(i.Start, -margin), End: Widen(i.End, margin))).OrderBy(i => i.Start).ToList();
            var covered = intervals.Sum(i => (i.End - i.Start).TotalSeconds);
            var timeShare = Math.Min(1, covered / observed);
            var inside = human.Where(e => intervals.Any(i => e.Time >= i.Start && e.Time <= i.End))
                .GroupBy(e => e.EntityId)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var tied = inside
                .Where(x => x.Value >= MinTiedEvents && (double)x.Value / perEntity[x.Key] >= Math.Max(MinTiedShare, MinTiedLift * timeShare))
                .OrderByDescending(x => (double)x.Value / perEntity[x.Key])
                .Select(x => x.Key)
                .ToList();

            var nearest = routines
                .Where(p => tied.Contains(p.Entities[0]))
                .Select(p => (Pattern: p, Distance: Math.Abs(CircularTime.Difference(activity.TypicalLocalMinute, ((TimeOfDayDetails)p.Details).LocalMinuteOfDay))))
                .OrderBy(x => x.Distance)
                .FirstOrDefault();
            var concentrated = activity.Concentration >= MinConcentration;
            rows.Add(new AdlRecoveryRow(
                activity,
                concentrated,
                tied,
                nearest.Pattern,
                nearest.Pattern is null ? null : nearest.Distance,
                concentrated && nearest.Pattern is not null && nearest.Distance <= ToleranceMinutes));
        }

        return rows;
    }

    /// <summary>Moves a labelled time by the margin; labels at the ends of the calendar (bad input) stay there instead of overflowing.</summary>
    private static DateTimeOffset Widen(DateTimeOffset instant, TimeSpan by) =>
        by < TimeSpan.Zero
            ? (instant - DateTimeOffset.MinValue < -by ? DateTimeOffset.MinValue : instant + by)
            : (DateTimeOffset.MaxValue - instant < by ? DateTimeOffset.MaxValue : instant + by);
}
