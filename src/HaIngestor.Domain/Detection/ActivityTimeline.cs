using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// The window's state changes cleaned once and interned to ints, so that the detectors' inner loops touch
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
    private const byte OriginMask = 0b11;
    private const byte HasOldFlag = 0b100;
    private const byte OldIsPlaceholderFlag = 0b1000;

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

    public static ActivityTimeline Build(DetectionContext context, int maxStatesPerEntity)
    {
        var events = context.Events;
        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var entityNames = new List<string>();
        var entityAreas = new List<string?>();
        var entityExcluded = new List<bool>();
        var entityStates = new List<List<int>>();
        var stateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var stateNames = new List<string>();
        var statePlaceholder = new List<bool>();
        var stateNumeric = new List<bool>();

        var ticks = new long[Math.Min(events.Count, 1024)];
        var rawEntity = new int[ticks.Length];
        var rawState = new int[ticks.Length];
        var rawFlags = new byte[ticks.Length];
        var rawCount = 0;
        long minTicks = long.MaxValue, maxTicks = long.MinValue, previous = long.MinValue;
        var sorted = true;

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var t = e.Time.UtcTicks;
            minTicks = Math.Min(minTicks, t);
            maxTicks = Math.Max(maxTicks, t);
            sorted &= t >= previous;
            previous = t;

            if (!entityIndex.TryGetValue(e.EntityId, out var entity))
            {
                entity = entityNames.Count;
                entityIndex.Add(e.EntityId, entity);
                entityNames.Add(e.EntityId);
                entityAreas.Add(context.Home.EntityAreas.TryGetValue(e.EntityId, out var homeArea) ? homeArea : null);
                entityExcluded.Add(StateVocabulary.IsNonHumanDomain(e.EntityId));
                entityStates.Add([]);
            }

            if (entityExcluded[entity])
            {
                continue;
            }

            if (!string.IsNullOrEmpty(e.Area))
            {
                entityAreas[entity] = e.Area;
            }

            if (!stateIndex.TryGetValue(e.State, out var state))
            {
                state = stateNames.Count;
                stateIndex.Add(e.State, state);
                stateNames.Add(e.State);
                statePlaceholder.Add(StateVocabulary.IsPlaceholder(e.State));
                stateNumeric.Add(StateVocabulary.IsNumeric(e.State));
            }

            if (stateNumeric[state] || (e.OldState is not null && e.OldState == e.State))
            {
                continue;
            }

            if (!statePlaceholder[state])
            {
                var distinct = entityStates[entity];
                if (!distinct.Contains(state))
                {
                    distinct.Add(state);
                    if (distinct.Count > maxStatesPerEntity)
                    {
                        entityExcluded[entity] = true;
                        continue;
                    }
                }
            }

            if (rawCount == ticks.Length)
            {
                var size = Math.Max(1024, ticks.Length * 2);
                Array.Resize(ref ticks, size);
                Array.Resize(ref rawEntity, size);
                Array.Resize(ref rawState, size);
                Array.Resize(ref rawFlags, size);
            }

            var flags = (byte)((byte)e.Origin & OriginMask);
            if (e.OldState is not null)
            {
                flags |= HasOldFlag;
                if (StateVocabulary.IsPlaceholder(e.OldState))
                {
                    flags |= OldIsPlaceholderFlag;
                }
            }

            ticks[rawCount] = t;
            rawEntity[rawCount] = entity;
            rawState[rawCount] = state;
            rawFlags[rawCount] = flags;
            rawCount++;
        }

        var order = Enumerable.Range(0, rawCount).ToArray();
        if (!sorted)
        {
            var keys = ticks[..rawCount];
            Array.Sort(keys, order);
        }

        var placeholder = statePlaceholder.ToArray();
        var seconds = new double[rawCount];
        var entities = new int[rawCount];
        var states = new int[rawCount];
        var items = new int[rawCount];
        var human = new bool[rawCount];
        var days = new int[rawCount];
        var minutes = new double[rawCount];
        var itemIndex = new Dictionary<long, int>(PairKeyComparer.Instance);
        var itemEntity = new List<int>();
        var itemState = new List<int>();
        var lastState = new int[entityNames.Count];
        Array.Fill(lastState, -1);
        var clock = new LocalClock(context.Calendar.TimeZone);
        var count = 0;

        foreach (var r in order)
        {
            var entity = rawEntity[r];
            var state = rawState[r];
            if (entityExcluded[entity] || state == lastState[entity])
            {
                continue;
            }

            var flags = rawFlags[r];
            var fromPlaceholder = (flags & HasOldFlag) != 0
                ? (flags & OldIsPlaceholderFlag) != 0
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

            var local = clock.LocalTicks(ticks[r]);
            seconds[count] = (ticks[r] - minTicks) / (double)TimeSpan.TicksPerSecond;
            entities[count] = entity;
            states[count] = state;
            items[count] = item;
            human[count] = (Origin)(flags & OriginMask) == Origin.Manual && item >= 0 && !fromPlaceholder;
            days[count] = LocalClock.DayNumber(local);
            minutes[count] = LocalClock.MinuteOfDay(local);
            count++;
        }

        var empty = events.Count == 0;
        var firstDay = empty ? 0 : LocalClock.DayNumber(clock.LocalTicks(minTicks));
        var lastDay = empty ? 0 : LocalClock.DayNumber(clock.LocalTicks(maxTicks));
        var observedSeconds = empty ? 1 : Math.Max(1, (maxTicks - minTicks) / (double)TimeSpan.TicksPerSecond);
        return new ActivityTimeline(
            count, seconds, entities, states, items, human, days, minutes,
            entityNames.ToArray(), entityAreas.ToArray(), stateNames.ToArray(), placeholder,
            stateNames.Select(StateVocabulary.IsOnLike).ToArray(), stateNames.Select(StateVocabulary.IsOffLike).ToArray(),
            itemEntity.ToArray(), itemState.ToArray(),
            observedSeconds, firstDay, lastDay);
    }
}
