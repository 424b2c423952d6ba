namespace HaIngestor.Domain.Detection;

/// <summary>
/// UTC to local wall-clock ticks for a time-sorted stream. The zone's offset is looked up once per
/// 15-minute UTC slot (every DST transition falls on such a boundary), so millions of sorted events cost
/// a few thousand zone look-ups instead of one each.
/// </summary>
internal sealed class LocalClock(TimeZoneInfo zone)
{
    private const long Slot = 15 * TimeSpan.TicksPerMinute;

    private long _slot = long.MinValue;
    private long _offsetTicks;

    public long LocalTicks(long utcTicks)
    {
        var slot = utcTicks / Slot;
        if (slot != _slot)
        {
            _slot = slot;
            _offsetTicks = zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
        }

        return utcTicks + _offsetTicks;
    }

    /// <summary>The local date as <see cref="DateOnly.DayNumber"/>.</summary>
    public static int DayNumber(long localTicks) => (int)(localTicks / TimeSpan.TicksPerDay);

    /// <summary>Minutes since local midnight, fractional.</summary>
    public static double MinuteOfDay(long localTicks) => (double)(localTicks % TimeSpan.TicksPerDay) / TimeSpan.TicksPerMinute;
}
