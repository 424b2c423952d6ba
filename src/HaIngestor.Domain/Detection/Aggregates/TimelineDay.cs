using HaIngestor.Domain.Events;

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

    public static TimelineDay From(LocalDay day)
    {
        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = new List<string>();
        var areas = new List<string?>();
        var stateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = new List<string>();
        var nonHuman = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<(long Ticks, int Entity, int State, byte Flags)>();
        long first = long.MaxValue, last = long.MinValue, previous = long.MinValue;
        var sorted = true;

        foreach (var e in day.Events)
        {
            var t = e.Time.UtcTicks;
            first = Math.Min(first, t);
            last = Math.Max(last, t);
            sorted &= t >= previous;
            previous = t;
            if (nonHuman.Contains(e.EntityId))
            {
                continue;
            }

            if (!entityIndex.TryGetValue(e.EntityId, out var entity))
            {
                if (StateVocabulary.IsNonHumanDomain(e.EntityId))
                {
                    nonHuman.Add(e.EntityId);
                    continue;
                }

                entity = entities.Count;
                entityIndex.Add(e.EntityId, entity);
                entities.Add(e.EntityId);
                areas.Add(null);
            }

            if (!string.IsNullOrEmpty(e.Area))
            {
                areas[entity] = e.Area;
            }

            if (StateVocabulary.IsNumeric(e.State) || (e.OldState is not null && e.OldState == e.State))
            {
                continue;
            }

            if (!stateIndex.TryGetValue(e.State, out var state))
            {
                state = states.Count;
                stateIndex.Add(e.State, state);
                states.Add(e.State);
            }

            kept.Add((t, entity, state, TimelineFlags.Of(e)));
        }

        if (!sorted)
        {
            // Stable: changes at the same instant keep the order they were given in.
            kept = kept.Select((k, i) => (k, i)).OrderBy(x => x.k.Ticks).ThenBy(x => x.i).Select(x => x.k).ToList();
        }

        var lastState = new int[entities.Count];
        Array.Fill(lastState, -1);
        var ticks = new List<long>(kept.Count);
        var entityOf = new List<int>(kept.Count);
        var stateOf = new List<int>(kept.Count);
        var flags = new List<byte>(kept.Count);
        foreach (var k in kept)
        {
            if (lastState[k.Entity] == k.State)
            {
                continue;
            }

            lastState[k.Entity] = k.State;
            ticks.Add(k.Ticks);
            entityOf.Add(k.Entity);
            stateOf.Add(k.State);
            flags.Add(k.Flags);
        }

        var count = day.Events.Count;
        return new TimelineDay(
            day.Date, count, count == 0 ? 0 : first, count == 0 ? 0 : last,
            entities, areas, states, [.. ticks], [.. entityOf], [.. stateOf], [.. flags]);
    }
}
