namespace HaIngestor.Simulation;

/// <summary>
/// A deliberate one-off on known local dates, for scoring the anomaly detector: on the dates where
/// (day number − <paramref name="Phase"/>) is a multiple of <paramref name="EveryDays"/>, either an extra
/// session at an hour the entity is never used (<see cref="Activity"/> null), or the named activity runs for
/// sure and the entity's <paramref name="OffState"/> step comes <paramref name="Delay"/> late (an unusually
/// long on-time).
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="EntityId">The entity.</param>
/// <param name="OnState">The state that starts the session or on-time.</param>
/// <param name="OffState">The state that ends it.</param>
/// <param name="EveryDays">Period in days.</param>
/// <param name="Phase">Day-number phase.</param>
/// <param name="Times">Extra session: local start times, taken in turn on successive dates (far apart, so one does not make the next look normal).</param>
/// <param name="Hold">Extra session: how long it stays on.</param>
/// <param name="Activity">Long on-time: the activity whose off step is delayed; null for an extra session.</param>
/// <param name="Delay">Long on-time: how late the off step comes.</param>
public sealed record PlantedAnomaly(
    string Id,
    string EntityId,
    string OnState,
    string OffState,
    int EveryDays,
    int Phase,
    IReadOnlyList<TimeOnly> Times,
    TimeSpan Hold,
    string? Activity,
    TimeSpan Delay)
{
    /// <summary>Whether the date is one of its dates (for a long on-time, also one of the activity's days).</summary>
    public bool FallsOn(DateOnly date) => ((date.DayNumber - Phase) % EveryDays + EveryDays) % EveryDays == 0;

    /// <summary>The extra session's local start time on one of its dates.</summary>
    public TimeOnly TimeOn(DateOnly date) => Times[date.DayNumber / EveryDays % Times.Count];
}
