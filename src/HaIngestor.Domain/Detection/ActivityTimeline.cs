using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// The window's state changes cleaned once (per day by <see cref="TimelineDay"/>, across days here) and interned to ints, so that the detectors' inner loops touch
/// arrays, not strings: measurements (numeric states), non-human domains and entities with more than a
/// handful of distinct states are left out; attribute-only changes (state = old state) and repeats of the
/// current state are dropped; events are put in time order when they arrive out of order.
/// </summary>
/// <remarks>
/// An event is a <see cref="Human"/> action when its origin is <see cref="Origin.Manual"/>, its state is not a
/// placeholder and it does not come out of a placeholder (HA restoring a state after <c>unavailable</c> carries
/// no context ids, yet nobody acted). Placeholder events stay in the timeline because they end what was running.
/// </remarks>
internal sealed class ActivityTimeline
{
    private readonly string[] _entityNames;
    private readonly string?[] _entityAreas;
    private readonly string[] _stateNames;
    private readonly bool[] _statePlaceholder;
    private readonly bool[] _stateOnLike;
    private readonly bool[] _stateOffLike;

    private ActivityTimeline(
        int count, double[] seconds, int[] entity, int[] state, int[] item, bool[] human, int[] day, double[] minute,
        string[] entityNames, string?[] entityAreas, string[] stateNames, bool[] statePlaceholder, bool[] stateOnLike, bool[] stateOffLike,
        int[] itemEntity, int[] itemState, double observedSeconds, int firstDay, int lastDay)
    {
        Count = count;
        Seconds = seconds;
        Entity = entity;
        State = state;
        Item = item;
        Human = human;
        Day = day;
        Minute = minute;
        _entityNames = entityNames;
        _entityAreas = entityAreas;
        _stateNames = stateNames;
        _statePlaceholder = statePlaceholder;
        _stateOnLike = stateOnLike;
        _stateOffLike = stateOffLike;
        ItemEntity = itemEntity;
        ItemState = itemState;
        ObservedSeconds = observedSeconds;
        FirstDay = firstDay;
        LastDay = lastDay;
        HumanEvents = Enumerable.Range(0, count).Where(i => human[i]).ToArray();
    }

    public int Count { get; }

    /// <summary>Seconds since the first event of the window.</summary>
    public double[] Seconds { get; }

    public int[] Entity { get; }

    public int[] State { get; }

    /// <summary>The (entity, state) id of each event; -1 for placeholders.</summary>
    public int[] Item { get; }

    public bool[] Human { get; }

    /// <summary>Local date as <see cref="DateOnly.DayNumber"/>.</summary>
    public int[] Day { get; }

    /// <summary>Local minutes since midnight.</summary>
    public double[] Minute { get; }

    /// <summary>Indices of the human actions, in time order.</summary>
    public int[] HumanEvents { get; }

    public int EntityCount => _entityNames.Length;

    public int ItemCount => ItemEntity.Length;

    public int[] ItemEntity { get; }

    public int[] ItemState { get; }

    /// <summary>Seconds from the first to the last event of the window (at least 1).</summary>
    public double ObservedSeconds { get; }

    /// <summary>Local dates of the first and last event (day numbers).</summary>
    public int FirstDay { get; }

    public int LastDay { get; }

    /// <summary>Local days the window's events span.</summary>
    public int ObservedDays => LastDay - FirstDay + 1;

    public string EntityName(int entity) => _entityNames[entity];

    public string? EntityArea(int entity) => _entityAreas[entity];

    public string StateName(int state) => _stateNames[state];

    public bool IsPlaceholder(int state) => _statePlaceholder[state];

    public bool IsOnLike(int state) => _stateOnLike[state];

    public bool IsOffLike(int state) => _stateOffLike[state];

    public static DateOnly Date(int day) => DateOnly.FromDayNumber(day);

    /// <summary>The human actions of each item, in time order.</summary>
    public int[][] HumanEventsByItem()
    {
        var counts = new int[ItemCount];
        foreach (var i in HumanEvents)
        {
            counts[Item[i]]++;
        }

        var lists = new int[ItemCount][];
        for (var item = 0; item < lists.Length; item++)
        {
            lists[item] = new int[counts[item]];
            counts[item] = 0;
        }

        foreach (var i in HumanEvents)
        {
            var item = Item[i];
            lists[item][counts[item]++] = i;
        }

        return lists;
    }

    /// <summary>The timeline of a window of <see cref="TimelineDay"/> aggregates.</summary>
    public static ActivityTimeline Build(AggregateWindow window, int maxStatesPerEntity) =>
        Build(window.DaysOf<TimelineDay>().ToList(), window.Home, maxStatesPerEntity);

    /// <summary>The timeline of a window from its days (ascending by date).</summary>
    public static ActivityTimeline Build(IReadOnlyList<TimelineDay> days, HomeProfile home, int maxStatesPerEntity)
    {
        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var entityNames = new List<string>();
        var entityAreas = new List<string?>();
        var entityStates = new List<HashSet<int>>();
        var stateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var stateNames = new List<string>();
        var entityMaps = new int[days.Count][];
        var stateMaps = new int[days.Count][];
        long minTicks = long.MaxValue, maxTicks = long.MinValue;
        var total = 0;

        // First pass: number entities (first appearance) and states, learn areas and each entity's distinct states.
        for (var d = 0; d < days.Count; d++)
        {
            var day = days[d];
            if (day.EventCount > 0)
            {
                minTicks = Math.Min(minTicks, day.FirstTicks);
                maxTicks = Math.Max(maxTicks, day.LastTicks);
            }

            var entityMap = entityMaps[d] = new int[day.Entities.Count];
            for (var k = 0; k < entityMap.Length; k++)
            {
                var name = day.Entities[k];
                if (!entityIndex.TryGetValue(name, out var entity))
                {
                    entity = entityNames.Count;
                    entityIndex.Add(name, entity);
                    entityNames.Add(name);
                    entityAreas.Add(home.EntityAreas.TryGetValue(name, out var homeArea) ? homeArea : null);
                    entityStates.Add([]);
                }

                if (day.Areas[k] is { } area)
                {
                    entityAreas[entity] = area;
                }

                entityMap[k] = entity;
            }

            var stateMap = stateMaps[d] = new int[day.States.Count];
            for (var k = 0; k < stateMap.Length; k++)
            {
                var name = day.States[k];
                if (!stateIndex.TryGetValue(name, out var state))
                {
                    state = stateNames.Count;
                    stateIndex.Add(name, state);
                    stateNames.Add(name);
                }

                stateMap[k] = state;
            }

            for (var i = 0; i < day.Count; i++)
            {
                entityStates[entityMap[day.Entity[i]]].Add(stateMap[day.State[i]]);
            }

            total += day.Count;
        }

        var placeholder = stateNames.Select(StateVocabulary.IsPlaceholder).ToArray();
        var entityExcluded = entityStates.Select(states => states.Count(s => !placeholder[s]) > maxStatesPerEntity).ToArray();

        var seconds = new double[total];
        var entities = new int[total];
        var states = new int[total];
        var items = new int[total];
        var human = new bool[total];
        var dayNumbers = new int[total];
        var minutes = new double[total];
        var itemIndex = new Dictionary<long, int>(PairKeyComparer.Instance);
        var itemEntity = new List<int>();
        var itemState = new List<int>();
        var lastState = new int[entityNames.Count];
        Array.Fill(lastState, -1);
        var clock = new LocalClock(home.Calendar.TimeZone);
        var count = 0;

        // Second pass: repeats across midnight, human or not, items, local day and minute.
        for (var d = 0; d < days.Count; d++)
        {
            var day = days[d];
            var entityMap = entityMaps[d];
            var stateMap = stateMaps[d];
            for (var r = 0; r < day.Count; r++)
            {
                var entity = entityMap[day.Entity[r]];
                var state = stateMap[day.State[r]];
                if (entityExcluded[entity] || state == lastState[entity])
                {
                    continue;
                }

                var flags = day.Flags[r];
                var fromPlaceholder = (flags & TimelineFlags.HasOld) != 0
                    ? (flags & TimelineFlags.OldIsPlaceholder) != 0
                    : lastState[entity] >= 0 && placeholder[lastState[entity]];
                lastState[entity] = state;

                var item = -1;
                if (!placeholder[state])
                {
                    var key = ((long)entity << 32) | (uint)state;
                    if (!itemIndex.TryGetValue(key, out item))
                    {
                        item = itemEntity.Count;
                        itemIndex.Add(key, item);
                        itemEntity.Add(entity);
                        itemState.Add(state);
                    }
                }

                var ticks = day.Ticks[r];
                var local = clock.LocalTicks(ticks);
                seconds[count] = (ticks - minTicks) / (double)TimeSpan.TicksPerSecond;
                entities[count] = entity;
                states[count] = state;
                items[count] = item;
                human[count] = TimelineFlags.OriginOf(flags) == Origin.Manual && item >= 0 && !fromPlaceholder;
                dayNumbers[count] = LocalClock.DayNumber(local);
                minutes[count] = LocalClock.MinuteOfDay(local);
                count++;
            }
        }

        var empty = minTicks > maxTicks;
        var firstDay = empty ? 0 : LocalClock.DayNumber(clock.LocalTicks(minTicks));
        var lastDay = empty ? 0 : LocalClock.DayNumber(clock.LocalTicks(maxTicks));
        var observedSeconds = empty ? 1 : Math.Max(1, (maxTicks - minTicks) / (double)TimeSpan.TicksPerSecond);
        return new ActivityTimeline(
            count, seconds, entities, states, items, human, dayNumbers, minutes,
            entityNames.ToArray(), entityAreas.ToArray(), stateNames.ToArray(), placeholder,
            stateNames.Select(StateVocabulary.IsOnLike).ToArray(), stateNames.Select(StateVocabulary.IsOffLike).ToArray(),
            itemEntity.ToArray(), itemState.ToArray(),
            observedSeconds, firstDay, lastDay);
    }
}
