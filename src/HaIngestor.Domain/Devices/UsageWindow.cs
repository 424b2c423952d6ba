namespace HaIngestor.Domain.Devices;

/// <summary>Local days of the home, <see cref="From"/> included, <see cref="To"/> excluded.</summary>
public sealed record UsageWindow(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day < To;

    /// <summary>The local days an instant window [from, to) touches, given a way to tell an instant's local day.</summary>
    public static UsageWindow Covering(DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, DateOnly> localDay) =>
        to <= from ? new UsageWindow(localDay(from), localDay(from)) : new UsageWindow(localDay(from), localDay(to.AddTicks(-1)).AddDays(1));

    /// <summary>The <paramref name="days"/> local days ending with <paramref name="lastDay"/>; more days than the calendar has before it reach back to its first day.</summary>
    public static UsageWindow Ending(DateOnly lastDay, int days) =>
        new(DateOnly.FromDayNumber(Math.Max(0, lastDay.DayNumber + 1 - Math.Max(1, days))), lastDay.AddDays(1));
}
