namespace HaIngestor.Domain.Events;

/// <summary>
/// The years a home's history can lie in. A time far outside them is a broken export, not an event, and local
/// calendar arithmetic (day starts, time-zone offsets) near the ends of the calendar would overflow.
/// </summary>
public static class HistoryYears
{
    public const int First = 1900;

    public const int Last = 2999;

    public static bool Contains(DateTimeOffset time) => time.UtcDateTime.Year is >= First and <= Last;
}
