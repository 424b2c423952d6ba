using System.Runtime.InteropServices;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// One local day as <see cref="TimeOfDayDetector"/> needs it: per entity, when it was first and last seen
/// (any change, any origin: that is when it existed) and, per behaviour state, the local minute stamps of the
/// day's human changes to it. Measurements, automation and system changes, attribute-only changes and the
/// ignored domains are left out.
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="EventCount">All state changes of the day, including those left out.</param>
/// <param name="Entities">The entities changed that day, by entity_id.</param>
public sealed record TimeOfDayDay(DateOnly Date, int EventCount, IReadOnlyList<TimeOfDayEntityDay> Entities) : DailyAggregate(Date, EventCount)
{
    public const string KindName = "time_of_day";

    public override string Kind => KindName;

    /// <param name="day">The day's events.</param>
    /// <param name="converter">The home's local time.</param>
    /// <param name="ignoredDomains">Domains that never describe a routine; their entities are not kept at all.</param>
    public static TimeOfDayDay From(LocalDay day, LocalTimeConverter converter, IReadOnlySet<string> ignoredDomains)
    {
        var entities = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var e in day.Events)
        {
            ref var entity = ref CollectionsMarshal.GetValueRefOrAddDefault(entities, e.EntityId, out var exists);
            if (!exists)
            {
                var domain = e.Domain;
                entity = ignoredDomains.Contains(domain) ? null : new Builder(domain, e.Time.UtcTicks);
            }

            if (entity is null)
            {
                continue;
            }

            entity.Saw(e.Time.UtcTicks);
            if (e.Origin != Origin.Manual
                || string.Equals(e.State, e.OldState, StringComparison.Ordinal)
                || BehaviourState.Normalise(entity.Domain, e.State) is not { } state)
            {
                continue;
            }

            ref var stamps = ref CollectionsMarshal.GetValueRefOrAddDefault(entity.States, state, out _);
            stamps ??= [];
            stamps.Add(converter.ToLocalMinuteStamp(e.Time));
        }

        return new TimeOfDayDay(
            day.Date,
            day.Events.Count,
            entities
                .Where(e => e.Value is not null)
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new TimeOfDayEntityDay(
                    e.Key,
                    e.Value!.First,
                    e.Value.Last,
                    e.Value.States.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new TimeOfDayStateDay(s.Key, [.. s.Value])).ToList()))
                .ToList());
    }

    private sealed class Builder(string domain, long ticks)
    {
        public string Domain { get; } = domain;

        public long First { get; private set; } = ticks;

        public long Last { get; private set; } = ticks;

        public Dictionary<string, List<long>> States { get; } = new(StringComparer.Ordinal);

        public void Saw(long ticks)
        {
            First = Math.Min(First, ticks);
            Last = Math.Max(Last, ticks);
        }
    }
}
