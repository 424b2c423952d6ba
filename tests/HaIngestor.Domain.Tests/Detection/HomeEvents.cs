using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection;

/// <summary>Builds state changes at local wall-clock times of a home, the way HA would record them.</summary>
internal sealed class HomeEvents(string timeZoneId)
{
    private readonly List<StateChange> _events = [];

    public HomeProfile Home { get; } = HomeProfile.ForTimeZone(timeZoneId);

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public IReadOnlyList<StateChange> Events => _events;

    /// <summary>The instant of a local wall-clock time (a time in a DST gap moves forward by the gap).</summary>
    public DateTimeOffset At(DateOnly date, double minuteOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>A person changed the entity (HA UI: user_id set, no parent_id).</summary>
    public HomeEvents Manual(DateOnly date, double minuteOfDay, string entityId, string state, string? oldState = null) =>
        Add(At(date, minuteOfDay), entityId, state, oldState, userId: "user-1", parentId: null);

    /// <summary>An automation changed the entity (parent_id set).</summary>
    public HomeEvents ByAutomation(DateOnly date, double minuteOfDay, string entityId, string state, string? oldState = null) =>
        Add(At(date, minuteOfDay), entityId, state, oldState, userId: null, parentId: "01HZZZPARENTCONTEXT");

    public HomeEvents Add(DateTimeOffset time, string entityId, string state, string? oldState, string? userId, string? parentId, Origin? origin = null)
    {
        _events.Add(new StateChange(
            time,
            entityId,
            state,
            oldState,
            Origin: origin ?? StateChange.OriginFromContext(state, userId, parentId),
            UserId: userId,
            ParentId: parentId));
        return this;
    }

    /// <summary>The window [local midnight of <paramref name="from"/>, local midnight of <paramref name="to"/>), events sorted by time.</summary>
    public DetectionContext Context(DateOnly from, DateOnly to)
    {
        var calendar = Home.Calendar;
        var start = calendar.StartOfDay(from);
        var end = calendar.StartOfDay(to);
        var events = _events.Where(e => e.Time >= start && e.Time < end).OrderBy(e => e.Time).ToList();
        return new DetectionContext(events, Home, start, end);
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d < to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
