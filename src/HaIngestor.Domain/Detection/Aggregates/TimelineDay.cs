namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// One local day's cleaned activity timeline, the aggregate of the detectors that need event order
/// (co_occurrence, sequence, room, duration, anomaly): the changes to discrete states, time-sorted, with
/// who caused them. Left out: measurements (numeric states), attribute-only changes, non-human domains,
/// repeats of an entity's previous state within the day, context ids, attributes and old-state strings.
/// </summary>
/// <remarks>
/// What depends on more than one day — repeats across midnight, whether a change came out of a placeholder,
/// the entities with too many states, elapsed seconds from the window's first event — is settled when the
/// days are put together (<see cref="ActivityTimeline"/>), so a day's record never depends on its neighbours.
/// Entities are listed in order of first appearance (including those whose changes were all left out), which
/// keeps the timeline's entity numbering the same as over raw events.
/// </remarks>
/// <param name="Date">The local date.</param>
/// <param name="EventCount">All state changes of the day, including those left out.</param>
/// <param name="FirstTicks">UTC ticks of the day's first state change of any kind (0 without events).</param>
/// <param name="LastTicks">UTC ticks of the day's last state change of any kind (0 without events).</param>
/// <param name="Entities">entity_id per entity number, in order of first appearance.</param>
/// <param name="Areas">The last area the day's changes gave each entity, when any.</param>
/// <param name="States">State string per state number.</param>
/// <param name="Ticks">UTC ticks of each kept change, ascending.</param>
/// <param name="Entity">Entity number of each kept change.</param>
/// <param name="State">State number of each kept change.</param>
/// <param name="Flags">Origin and old-state facts of each kept change (see <see cref="TimelineFlags"/>).</param>
public sealed record TimelineDay(
    DateOnly Date,
    int EventCount,
    long FirstTicks,
    long LastTicks,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string?> Areas,
    IReadOnlyList<string> States,
    long[] Ticks,
    int[] Entity,
    int[] State,
    byte[] Flags) : DailyAggregate(Date, EventCount)
{
    public const string KindName = "timeline";

    public override string Kind => KindName;

    /// <summary>Kept changes.</summary>
    public int Count => Ticks.Length;
}
