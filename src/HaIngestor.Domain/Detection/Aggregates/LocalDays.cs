using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Splits events into local days. A day is the span of instants [start of its local midnight, start of the next
/// one), so the days follow one another in time even where a DST change falls on midnight and wall-clock dates
/// step back.
/// </summary>
public static class LocalDays
{
    /// <summary>The days that have events, ascending; each keeps its events in the order given.</summary>
    public static IReadOnlyList<LocalDay> Split(IReadOnlyList<StateChange> events, HomeCalendar calendar)
    {
        var byDate = new SortedDictionary<DateOnly, List<StateChange>>();
        DateOnly current = default;
        DateTimeOffset start = DateTimeOffset.MaxValue, end = DateTimeOffset.MinValue;
        List<StateChange>? list = null;
        foreach (var e in events)
        {
            if (e.Time < start || e.Time >= end)
            {
                current = DateOf(e.Time, calendar);
                (start, end) = Bounds(current, calendar);
                if (!byDate.TryGetValue(current, out list))
                {
                    list = [];
                    byDate.Add(current, list);
                }
            }

            list!.Add(e);
        }

        return byDate.Select(d => new LocalDay(d.Key, d.Value)).ToList();
    }

    /// <summary>
    /// The days of a time-sorted batch that have changes within [<paramref name="from"/>, <paramref name="to"/>),
    /// ascending, each clipped to the window and made into records only when it is reached, so a long window holds
    /// one day of records at a time.
    /// </summary>
    public static IEnumerable<LocalDay> Split(EventBatch batch, HomeCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var (index, end) = batch.RangeOf(from, to);
        while (index < end)
        {
            var date = DateOf(new DateTimeOffset(batch.Ticks[index], TimeSpan.Zero), calendar);
            var (start, stop) = Bounds(date, calendar);
            var day = batch.Slice(start < from ? from : start, stop > to ? to : stop);
            index += day.Count;
            yield return new LocalDay(date, day);
        }
    }

    /// <summary>[start, end) of <paramref name="date"/> as instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly date, HomeCalendar calendar) =>
        (calendar.StartOfDay(date), calendar.StartOfDay(date.AddDays(1)));

    /// <summary>The day whose span holds <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, HomeCalendar calendar)
    {
        var date = calendar.LocalDate(instant);
        if (instant < calendar.StartOfDay(date))
        {
            return date.AddDays(-1);
        }

        return instant >= calendar.StartOfDay(date.AddDays(1)) ? date.AddDays(1) : date;
    }

    /// <summary>The whole days inside [from, to), ascending.</summary>
    public static IReadOnlyList<DateOnly> WholeDaysWithin(DateTimeOffset from, DateTimeOffset to, HomeCalendar calendar)
    {
        var days = new List<DateOnly>();
        if (to <= from)
        {
            return days;
        }

        var date = DateOf(from, calendar);
        if (calendar.StartOfDay(date) < from)
        {
            date = date.AddDays(1);
        }

        for (; calendar.StartOfDay(date.AddDays(1)) <= to; date = date.AddDays(1))
        {
            days.Add(date);
        }

        return days;
    }
}
