using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Folds a day's changes into a <see cref="TimeOfDayDay"/> as they come. Each entity remembers what each raw state
/// string it was changed to means as behaviour (<see cref="BehaviourState.Normalise"/> runs once per entity and
/// string a day, not once per change), so a change costs two lookups.
/// </summary>
/// <param name="date">The local date.</param>
/// <param name="converter">The home's local time.</param>
/// <param name="ignoredDomains">Domains that never describe a routine; their entities are not kept at all.</param>
public sealed class TimeOfDayDayFold(DateOnly date, LocalTimeConverter converter, IReadOnlySet<string> ignoredDomains) : IDayFold
{
    // Null for an entity of an ignored domain.
    private readonly Dictionary<string, Entity?> entities = new(StringComparer.Ordinal);
    private int count;

    // Runs once per event from the first one on: optimised at once, since a one-shot analysis of a file would
    // otherwise spend much of its run in the unoptimised tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(StateChange change)
    {
        count++;
        var ticks = change.Time.UtcTicks;
        ref var entity = ref CollectionsMarshal.GetValueRefOrAddDefault(entities, change.EntityId, out var known);
        if (!known)
        {
            var domain = change.Domain;
            entity = ignoredDomains.Contains(domain) ? null : new Entity(domain, ticks);
        }

        if (entity is null)
        {
            return;
        }

        entity.First = Math.Min(entity.First, ticks);
        entity.Last = Math.Max(entity.Last, ticks);
        if (change.Origin != Origin.Manual || string.Equals(change.State, change.OldState, StringComparison.Ordinal))
        {
            return;
        }

        ref var stamps = ref CollectionsMarshal.GetValueRefOrAddDefault(entity.ByRawState, change.State, out known);
        if (!known)
        {
            stamps = entity.StampsOf(BehaviourState.Normalise(entity.Domain, change.State));
        }

        stamps?.Add(converter.ToLocalMinuteStamp(change.Time));
    }

    public DailyAggregate Complete()
    {
        var ids = new List<string>(entities.Count);
        foreach (var (id, entity) in entities)
        {
            if (entity is not null)
            {
                ids.Add(id);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        var days = new TimeOfDayEntityDay[ids.Count];
        for (var i = 0; i < days.Length; i++)
        {
            var entity = entities[ids[i]]!;
            var names = entity.ByState.Keys.ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            var states = new TimeOfDayStateDay[names.Length];
            for (var s = 0; s < states.Length; s++)
            {
                states[s] = new TimeOfDayStateDay(names[s], [.. entity.ByState[names[s]]]);
            }

            days[i] = new TimeOfDayEntityDay(ids[i], entity.First, entity.Last, states);
        }

        return new TimeOfDayDay(date, count, days);
    }

    private sealed class Entity(string domain, long ticks)
    {
        public string Domain { get; } = domain;

        public long First { get; set; } = ticks;

        public long Last { get; set; } = ticks;

        /// <summary>Stamps by behaviour state, in the order the changes came.</summary>
        public Dictionary<string, List<long>> ByState { get; } = new(StringComparer.Ordinal);

        /// <summary>Per raw state string the stamps of its behaviour state, or null when it is not behaviour.</summary>
        public Dictionary<string, List<long>?> ByRawState { get; } = new(StringComparer.Ordinal);

        public List<long>? StampsOf(string? state)
        {
            if (state is null)
            {
                return null;
            }

            ref var stamps = ref CollectionsMarshal.GetValueRefOrAddDefault(ByState, state, out _);
            return stamps ??= [];
        }
    }
}
