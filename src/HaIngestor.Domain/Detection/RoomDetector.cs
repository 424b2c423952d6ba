using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Per area, the entities people use together: human activations (states that are not off-like) of
/// entities in the same area that follow one another within the window more often than chance.
/// </summary>
/// <remarks>
/// Areas come from the data only (the event's area, else the home's entity → area map), never from names.
/// Per area one sweep (<see cref="PairSweep"/>) scores the pairs in either direction; pairs with enough
/// count, days, confidence and lift are merged into groups (connected entities) and the largest group is the area's
/// pattern. A day counts (<c>occurrences</c>) when a burst of activations — each within the window of the
/// previous — touched at least half of the group (and two entities). <c>confidence</c> = those days / the
/// days on which any of the group's entities was activated by a person. Entities are sorted; states hold each
/// entity's most frequent activation state.
/// </remarks>
public sealed class RoomDetector(RoomSettings settings) : TimelineDetector
{
    public const string TypeName = "room";

    public RoomDetector()
        : this(new RoomSettings())
    {
    }

    public override string Name => TypeName;

    public RoomSettings Settings { get; } = settings;

    public override IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates)
    {
        var timeline = ActivityTimeline.Build(aggregates, Settings.MaxStatesPerEntity);
        var byArea = timeline.HumanEvents
            .Where(i => !timeline.IsOffLike(timeline.State[i]) && timeline.EntityArea(timeline.Entity[i]) is not null)
            .GroupBy(i => timeline.EntityArea(timeline.Entity[i])!, StringComparer.Ordinal);

        var patterns = new List<Pattern>();
        foreach (var area in byArea)
        {
            if (FindGroup(timeline, area.Key, area.ToArray()) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return patterns.OrderBy(p => ((RoomDetails)p.Details).Area, StringComparer.Ordinal).ToList();
    }

    private Pattern? FindGroup(ActivityTimeline timeline, string area, int[] actions)
    {
        var sweep = PairSweep.Run(timeline, actions, Settings.WindowSeconds);
        var parent = new Dictionary<int, int>();
        foreach (var (first, then, tally) in sweep.Pairs)
        {
            if (tally.Count >= Settings.MinPairCount && tally.Days >= Settings.MinPairDays
                && sweep.Confidence(first, tally) >= Settings.MinPairConfidence && sweep.Lift(first, then, tally) >= Settings.MinLift)
            {
                Union(parent, timeline.ItemEntity[first], timeline.ItemEntity[then]);
            }
        }

        var group = parent.Keys
            .GroupBy(entity => Root(parent, entity))
            .Select(g => g.ToHashSet())
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Min())
            .FirstOrDefault();
        if (group is null)
        {
            return null;
        }

        var members = actions.Where(i => group.Contains(timeline.Entity[i])).ToArray();
        var together = DaysUsedTogether(timeline, members, Math.Max(2, (group.Count + 1) / 2));
        if (together.Count < Settings.MinDays)
        {
            return null;
        }

        var activeDays = members.Select(i => timeline.Day[i]).Distinct().Count();
        var entities = group.Select(timeline.EntityName).Order(StringComparer.Ordinal).ToArray();
        var states = entities.Select(name => members
                .Where(i => timeline.EntityName(timeline.Entity[i]) == name)
                .GroupBy(i => timeline.StateName(timeline.State[i]), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key)
            .ToArray();
        return new Pattern(
            StableId.PatternId(TypeName, [area, .. entities]),
            TypeName,
            entities,
            states,
            together.Count,
            Math.Round((double)together.Count / activeDays, 4),
            together,
            new RoomDetails(area));
    }

    /// <summary>Days with a burst (activations each within the window of the previous) touching at least <paramref name="needed"/> group entities.</summary>
    private IReadOnlyList<DateOnly> DaysUsedTogether(ActivityTimeline timeline, int[] members, int needed)
    {
        var days = new List<int>();
        var touched = new HashSet<int>();
        for (var k = 0; k < members.Length; k++)
        {
            if (k > 0 && timeline.Seconds[members[k]] - timeline.Seconds[members[k - 1]] > Settings.WindowSeconds)
            {
                touched.Clear();
            }

            touched.Add(timeline.Entity[members[k]]);
            if (touched.Count >= needed)
            {
                days.Add(timeline.Day[members[k]]);
            }
        }

        return EvidenceDates.From(days);
    }

    private static int Root(Dictionary<int, int> parent, int entity)
    {
        while (parent[entity] != entity)
        {
            entity = parent[entity] = parent[parent[entity]];
        }

        return entity;
    }

    private static void Union(Dictionary<int, int> parent, int a, int b)
    {
        parent.TryAdd(a, a);
        parent.TryAdd(b, b);
        var (ra, rb) = (Root(parent, a), Root(parent, b));
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
