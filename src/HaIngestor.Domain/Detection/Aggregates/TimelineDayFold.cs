using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Folds a day's changes into a <see cref="TimelineDay"/> as they come. Each distinct entity id and state string
/// is looked at once a day (its domain, whether it is a number) and numbered; a change then costs two lookups.
/// </summary>
public sealed class TimelineDayFold(DateOnly date) : IDayFold
{
    // Entity number, or NonHuman for an entity whose domain is never a person's doing.
    private const int NonHuman = -1;

    // State number, or Measurement for a number (a value, not an action), which is never kept.
    private const int Measurement = -1;

    private readonly Dictionary<string, int> entityIndex = new(StringComparer.Ordinal);
    private readonly List<string> entities = [];
    private readonly List<string?> areas = [];
    private readonly Dictionary<string, int> stateIndex = new(StringComparer.Ordinal);
    private readonly List<string> states = [];
    private readonly List<Kept> kept = [];
    private long first = long.MaxValue;
    private long last = long.MinValue;
    private long previous = long.MinValue;
    private bool sorted = true;
    private int count;

    // Runs once per event from the first one on: optimised at once, since a one-shot analysis of a file would
    // otherwise spend much of its run in the unoptimised tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(StateChange change)
    {
        var ticks = change.Time.UtcTicks;
        count++;
        first = Math.Min(first, ticks);
        last = Math.Max(last, ticks);
        sorted &= ticks >= previous;
        previous = ticks;

        ref var entity = ref CollectionsMarshal.GetValueRefOrAddDefault(entityIndex, change.EntityId, out var known);
        if (!known)
        {
            entity = StateVocabulary.IsNonHumanDomain(change.EntityId) ? NonHuman : entities.Count;
            if (entity != NonHuman)
            {
                entities.Add(change.EntityId);
                areas.Add(null);
            }
        }

        if (entity == NonHuman)
        {
            return;
        }

        if (!string.IsNullOrEmpty(change.Area))
        {
            areas[entity] = change.Area;
        }

        if (change.OldState is not null && change.OldState == change.State)
        {
            return;
        }

        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(stateIndex, change.State, out known);
        if (!known)
        {
            state = StateVocabulary.IsNumeric(change.State) ? Measurement : states.Count;
            if (state != Measurement)
            {
                states.Add(change.State);
            }
        }

        if (state != Measurement)
        {
            kept.Add(new Kept(ticks, entity, state, TimelineFlags.Of(change)));
        }
    }

    public DailyAggregate Complete()
    {
        var changes = CollectionsMarshal.AsSpan(kept);
        if (!sorted)
        {
            // Stable: changes at the same instant keep the order they were given in.
            var order = new int[changes.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var given = changes.ToArray();
            Array.Sort(order, (a, b) => given[a].Ticks != given[b].Ticks ? given[a].Ticks.CompareTo(given[b].Ticks) : a.CompareTo(b));
            for (var i = 0; i < order.Length; i++)
            {
                changes[i] = given[order[i]];
            }
        }

        // A repeat of the entity's previous state within the day is no change.
        var lastState = new int[entities.Count];
        Array.Fill(lastState, -1);
        var ticks = new long[changes.Length];
        var entityOf = new int[changes.Length];
        var stateOf = new int[changes.Length];
        var flags = new byte[changes.Length];
        var n = 0;
        foreach (ref readonly var k in changes)
        {
            if (lastState[k.Entity] == k.State)
            {
                continue;
            }

            lastState[k.Entity] = k.State;
            ticks[n] = k.Ticks;
            entityOf[n] = k.Entity;
            stateOf[n] = k.State;
            flags[n] = k.Flags;
            n++;
        }

        return new TimelineDay(
            date, count, count == 0 ? 0 : first, count == 0 ? 0 : last,
            entities, areas, states, ticks[..n], entityOf[..n], stateOf[..n], flags[..n]);
    }

    private readonly record struct Kept(long Ticks, int Entity, int State, byte Flags);
}
