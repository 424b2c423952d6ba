using System.Globalization;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

/// <summary>
/// The daily aggregates written the plain way, straight from their documentation over a day's list of events
/// (string dictionaries, LINQ, a number parse per event): the oracle the streaming folds must match byte for byte.
/// </summary>
internal static class ReferenceDailyAggregates
{
    private static readonly string[] NonHumanDomains = ["sun", "weather", "update"];

    public static TimelineDay Timeline(LocalDay day)
    {
        var entities = new List<string>();
        var areas = new List<string?>();
        var states = new List<string>();
        var kept = new List<(long Ticks, int Entity, int State, byte Flags)>();
        foreach (var e in day.Events)
        {
            if (e.EntityId.IndexOf('.') is var dot && dot > 0 && NonHumanDomains.Contains(e.EntityId[..dot]))
            {
                continue;
            }

            var entity = entities.IndexOf(e.EntityId);
            if (entity < 0)
            {
                entity = entities.Count;
                entities.Add(e.EntityId);
                areas.Add(null);
            }

            if (!string.IsNullOrEmpty(e.Area))
            {
                areas[entity] = e.Area;
            }

            if (IsMeasurement(e.State) || e.OldState == e.State)
            {
                continue;
            }

            var state = states.IndexOf(e.State);
            if (state < 0)
            {
                state = states.Count;
                states.Add(e.State);
            }

            kept.Add((e.Time.UtcTicks, entity, state, Flags(e)));
        }

        // A repeat of an entity's previous state, in time order, is no change.
        var lastState = new Dictionary<int, int>();
        var timeline = new List<(long Ticks, int Entity, int State, byte Flags)>();
        foreach (var k in kept.Select((k, i) => (k, i)).OrderBy(x => x.k.Ticks).ThenBy(x => x.i).Select(x => x.k))
        {
            if (!lastState.TryGetValue(k.Entity, out var last) || last != k.State)
            {
                lastState[k.Entity] = k.State;
                timeline.Add(k);
            }
        }

        var ticks = day.Events.Select(e => e.Time.UtcTicks).ToList();
        return new TimelineDay(
            day.Date,
            day.Events.Count,
            ticks.Count == 0 ? 0 : ticks.Min(),
            ticks.Count == 0 ? 0 : ticks.Max(),
            entities,
            areas,
            states,
            timeline.Select(k => k.Ticks).ToArray(),
            timeline.Select(k => k.Entity).ToArray(),
            timeline.Select(k => k.State).ToArray(),
            timeline.Select(k => k.Flags).ToArray());
    }

    public static TimeOfDayDay TimeOfDay(LocalDay day, HomeProfile home, IReadOnlyCollection<string> ignoredDomains)
    {
        var converter = home.Calendar.CreateConverter();
        var entities = day.Events
            .Where(e => !ignoredDomains.Contains(e.Domain))
            .GroupBy(e => e.EntityId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimeOfDayEntityDay(
                g.Key,
                g.Min(e => e.Time.UtcTicks),
                g.Max(e => e.Time.UtcTicks),
                g.Where(e => e.Origin == Origin.Manual && e.State != e.OldState)
                    .Select(e => (State: BehaviourState.Normalise(e.Domain, e.State), e.Time))
                    .Where(x => x.State is not null)
                    .GroupBy(x => x.State!)
                    .OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new TimeOfDayStateDay(s.Key, s.Select(x => converter.ToLocalMinuteStamp(x.Time)).ToArray()))
                    .ToList()))
            .ToList();
        return new TimeOfDayDay(day.Date, day.Events.Count, entities);
    }

    private static bool IsMeasurement(string state) =>
        state.Length > 0 && (char.IsAsciiDigit(state[0]) || state[0] is '-' or '+' or '.')
        && double.TryParse(state, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static byte Flags(StateChange e) =>
        (byte)(((int)e.Origin & TimelineFlags.OriginMask)
            | (e.OldState is null ? 0 : TimelineFlags.HasOld)
            | (e.OldState is "unavailable" or "unknown" or "" ? TimelineFlags.OldIsPlaceholder : 0));
}
