namespace HaIngestor.Domain.Events;

/// <summary>
/// Many state changes held as columns instead of objects: UTC ticks, and ids into string tables for entity, state,
/// old state, area and HA context, plus the origin as a byte — about 30 bytes a change where a
/// <see cref="StateChange"/> record costs well over 100, so a month of a busy home (millions of changes) fits in
/// memory. Changes are appended; once sorted by time (<see cref="Sort"/>), a time range is found by binary search
/// and materialised as records for the detectors, a day or so at a time.
/// </summary>
public sealed class EventBatch
{
    /// <summary>Bytes of column storage per change (string tables aside).</summary>
    public const int BytesPerChange = sizeof(long) + (5 * sizeof(int)) + sizeof(byte);

    private const int None = -1;
    private const int InitialCapacity = 1024;

    private readonly StringTable _entities = new();
    private readonly StringTable _states = new();
    private readonly StringTable _areas = new();
    private readonly List<(string? UserId, string? ParentId)> _contexts = [];
    private readonly Dictionary<(string? UserId, string? ParentId), int> _contextIds = [];
    private long[] _ticks;
    private int[] _entity;
    private int[] _state;
    private int[] _oldState;
    private int[] _area;
    private int[] _context;
    private byte[] _origin;

    public EventBatch(int capacity = InitialCapacity)
    {
        capacity = Math.Max(capacity, 1);
        _ticks = new long[capacity];
        _entity = new int[capacity];
        _state = new int[capacity];
        _oldState = new int[capacity];
        _area = new int[capacity];
        _context = new int[capacity];
        _origin = new byte[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Whether the changes are in time order (appending in order keeps it so; <see cref="Sort"/> restores it).</summary>
    public bool IsSorted { get; private set; } = true;

    /// <summary>UTC ticks of each change.</summary>
    public ReadOnlySpan<long> Ticks => _ticks.AsSpan(0, Count);

    /// <summary>Entity id of each change, into <see cref="Entities"/>.</summary>
    public ReadOnlySpan<int> Entity => _entity.AsSpan(0, Count);

    /// <summary>New state of each change, into <see cref="States"/>.</summary>
    public ReadOnlySpan<int> State => _state.AsSpan(0, Count);

    /// <summary>Old state of each change, into <see cref="States"/>; -1 when unknown.</summary>
    public ReadOnlySpan<int> OldState => _oldState.AsSpan(0, Count);

    /// <summary>Area of each change, into <see cref="Areas"/>; -1 when none.</summary>
    public ReadOnlySpan<int> Area => _area.AsSpan(0, Count);

    public StringTable Entities => _entities;

    /// <summary>New and old states share one table.</summary>
    public StringTable States => _states;

    public StringTable Areas => _areas;

    public Origin OriginAt(int index) => (Origin)_origin[Check(index)];

    /// <summary>Appends a change at the end.</summary>
    public void Add(StateChange change)
    {
        if (Count == _ticks.Length)
        {
            Grow();
        }

        var ticks = change.Time.UtcTicks;
        if (Count > 0 && ticks < _ticks[Count - 1])
        {
            IsSorted = false;
        }

        _ticks[Count] = ticks;
        _entity[Count] = _entities.Intern(change.EntityId);
        _state[Count] = _states.Intern(change.State);
        _oldState[Count] = change.OldState is null ? None : _states.Intern(change.OldState);
        _area[Count] = change.Area is null ? None : _areas.Intern(change.Area);
        _context[Count] = ContextId(change.UserId, change.ParentId);
        _origin[Count] = (byte)change.Origin;
        Count++;
    }

    /// <summary>The change at <paramref name="index"/> as a record (its strings are the batch's shared instances).</summary>
    public StateChange this[int index]
    {
        get
        {
            Check(index);
            var (userId, parentId) = _context[index] == None ? (null, null) : _contexts[_context[index]];
            return new StateChange(
                new DateTimeOffset(_ticks[index], TimeSpan.Zero),
                _entities[_entity[index]],
                _states[_state[index]],
                _oldState[index] == None ? null : _states[_oldState[index]],
                _area[index] == None ? null : _areas[_area[index]],
                (Origin)_origin[index],
                userId,
                parentId);
        }
    }

    /// <summary>Puts the changes in time order; changes at the same instant keep the order they were added in.</summary>
    public void Sort()
    {
        if (IsSorted)
        {
            return;
        }

        var ticks = _ticks;
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        order.AsSpan().Sort((a, b) => ticks[a] != ticks[b] ? ticks[a].CompareTo(ticks[b]) : a.CompareTo(b));
        _ticks = Permute(_ticks, order);
        _entity = Permute(_entity, order);
        _state = Permute(_state, order);
        _oldState = Permute(_oldState, order);
        _area = Permute(_area, order);
        _context = Permute(_context, order);
        _origin = Permute(_origin, order);
        IsSorted = true;
    }

    /// <summary>
    /// Drops later copies of a change (same instant, entity and state) from a sorted batch, as the events.jsonl
    /// reader does; returns how many were dropped.
    /// </summary>
    public int RemoveRepeats()
    {
        RequireSorted();
        var seen = new HashSet<long>();
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (i == 0 || _ticks[i] != _ticks[i - 1])
            {
                seen.Clear();
            }

            var sharesInstant = (i > 0 && _ticks[i - 1] == _ticks[i]) || (i + 1 < Count && _ticks[i + 1] == _ticks[i]);
            if (sharesInstant && !seen.Add(((long)_entity[i] << 32) | (uint)_state[i]))
            {
                continue;
            }

            if (kept != i)
            {
                _ticks[kept] = _ticks[i];
                _entity[kept] = _entity[i];
                _state[kept] = _state[i];
                _oldState[kept] = _oldState[i];
                _area[kept] = _area[i];
                _context[kept] = _context[i];
                _origin[kept] = _origin[i];
            }

            kept++;
        }

        var removed = Count - kept;
        Count = kept;
        return removed;
    }

    /// <summary>The index range [Start, End) of the changes with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>; the batch must be sorted.</summary>
    public (int Start, int End) RangeOf(DateTimeOffset from, DateTimeOffset to)
    {
        RequireSorted();
        var start = LowerBound(from.UtcTicks);
        return (start, Math.Max(start, LowerBound(to.UtcTicks)));
    }

    /// <summary>The changes with <paramref name="from"/> ≤ time &lt; <paramref name="to"/> as records, in time order.</summary>
    public IReadOnlyList<StateChange> Slice(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = RangeOf(from, to);
        var changes = new StateChange[end - start];
        for (var i = start; i < end; i++)
        {
            changes[i - start] = this[i];
        }

        return changes;
    }

    /// <summary>Gives back the room reserved for more changes, once the batch is complete.</summary>
    public void TrimExcess() => Resize(Math.Max(Count, 1));

    /// <summary>Every change as a record, in batch order.</summary>
    public IEnumerable<StateChange> AsEnumerable()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    private int ContextId(string? userId, string? parentId)
    {
        if (userId is null && parentId is null)
        {
            return None;
        }

        if (!_contextIds.TryGetValue((userId, parentId), out var id))
        {
            id = _contexts.Count;
            _contexts.Add((userId, parentId));
            _contextIds.Add((userId, parentId), id);
        }

        return id;
    }

    private int LowerBound(long ticks)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_ticks[mid] < ticks)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void Grow() => Resize(_ticks.Length * 2);

    /// <summary>Every column to <paramref name="capacity"/> rows: the columns always share one length.</summary>
    private void Resize(int capacity)
    {
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _entity, capacity);
        Array.Resize(ref _state, capacity);
        Array.Resize(ref _oldState, capacity);
        Array.Resize(ref _area, capacity);
        Array.Resize(ref _context, capacity);
        Array.Resize(ref _origin, capacity);
    }

    private static T[] Permute<T>(T[] column, int[] order)
    {
        var sorted = new T[column.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = column[order[i]];
        }

        return sorted;
    }

    private int Check(int index) =>
        (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"the batch holds {Count} changes");

    private void RequireSorted()
    {
        if (!IsSorted)
        {
            throw new InvalidOperationException("the batch is not in time order; call Sort first");
        }
    }
}
