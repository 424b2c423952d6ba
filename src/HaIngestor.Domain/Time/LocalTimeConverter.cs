namespace HaIngestor.Domain.Time;

/// <summary>
/// Converts many instants to the home's wall-clock time quickly. Time-zone rules are looked up once per
/// quarter hour of UTC and reused, so a time-sorted stream of millions of events costs a few lookups per
/// quarter hour; a quarter hour that contains an offset change is converted exactly, instant by instant.
/// One instance per thread: it caches the last quarter hour it saw.
/// </summary>
public sealed class LocalTimeConverter(TimeZoneInfo timeZone)
{
    private const long SlotTicks = 15 * TimeSpan.TicksPerMinute;

    private long _slot = long.MinValue;
    private long _slotOffsetTicks;
    private bool _slotIsUniform;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The wall-clock time in the home at <paramref name="instant"/>.</summary>
    public DateTime ToLocal(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        var slot = utcTicks / SlotTicks;
        if (slot != _slot)
        {
            _slot = slot;
            var first = OffsetTicksAt(slot * SlotTicks);
            var last = OffsetTicksAt(Math.Min((slot + 1) * SlotTicks - 1, DateTime.MaxValue.Ticks));
            _slotOffsetTicks = first;
            _slotIsUniform = first == last;
        }

        var offset = _slotIsUniform ? _slotOffsetTicks : OffsetTicksAt(utcTicks);
        return new DateTime(Math.Clamp(utcTicks + offset, 0, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified);
    }

    /// <summary>
    /// Minutes since 0001-01-01 local midnight, truncated: <c>stamp / 1440</c> is the local
    /// <see cref="DateOnly.DayNumber"/>, <c>stamp % 1440</c> the local minute of the day.
    /// </summary>
    public long ToLocalMinuteStamp(DateTimeOffset instant) => ToLocal(instant).Ticks / TimeSpan.TicksPerMinute;

    private long OffsetTicksAt(long utcTicks) =>
        TimeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
