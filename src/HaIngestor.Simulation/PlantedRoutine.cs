using HaIngestor.Domain.Detection;

namespace HaIngestor.Simulation;

/// <summary>
/// Ground truth of one planted time-of-day routine: the entity takes the state at about the local time on the
/// given days. Derived from the steps of a <see cref="PlantedActivity"/>.
/// </summary>
/// <param name="Kind">Pattern type, <c>time_of_day</c>.</param>
/// <param name="ActivityId">The activity it comes from.</param>
/// <param name="EntityId">Entity.</param>
/// <param name="State">State taken.</param>
/// <param name="LocalTime">Nominal local time to the minute (wraps past midnight).</param>
/// <param name="Days">Days of the week of the activity's start.</param>
/// <param name="JitterMinutes">Effective normal jitter (σ) of this step's time, minutes.</param>
/// <param name="SkipProbability">Chance of a skipped day.</param>
/// <param name="Human">False when an automation does it: must not be reported as a routine.</param>
public sealed record PlantedRoutine(
    string Kind,
    string ActivityId,
    string EntityId,
    string State,
    TimeOnly LocalTime,
    DaySelection Days,
    double JitterMinutes,
    double SkipProbability,
    bool Human)
{
    public const string TimeOfDay = "time_of_day";

    /// <summary>The truth routines of an activity, one per step.</summary>
    public static IEnumerable<PlantedRoutine> From(PlantedActivity activity) =>
        activity.Steps.Select(step => new PlantedRoutine(
            TimeOfDay,
            activity.Id,
            step.EntityId,
            step.State,
            ToMinute(activity.LocalTime.Add(step.Offset)),
            activity.Days,
            Math.Round(step.FollowsStart ? Math.Sqrt((activity.JitterMinutes * activity.JitterMinutes) + (step.JitterMinutes * step.JitterMinutes)) : step.JitterMinutes, 1),
            activity.SkipProbability,
            activity.Actor == Actor.Person));

    /// <summary>Truth is kept to the minute, the resolution of <c>local_time</c> in truth.json.</summary>
    private static TimeOnly ToMinute(TimeOnly time)
    {
        var minutes = (long)Math.Round(time.Ticks / (double)TimeSpan.TicksPerMinute, MidpointRounding.AwayFromZero);
        return new TimeOnly(minutes % (24 * 60) * TimeSpan.TicksPerMinute);
    }
}
