namespace HaIngestor.Domain.Time;

/// <summary>
/// Local time in the home's IANA time zone. Every routine lives in local time, so a 07:00 routine stays
/// at 07:00 across a DST change even though its UTC time moves by an hour.
/// </summary>
public sealed class HomeCalendar(TimeZoneInfo timeZone)
{
    public const int MinutesPerDay = 24 * 60;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>A fast converter for many instants (one per thread; see <see cref="LocalTimeConverter"/>).</summary>
    public LocalTimeConverter CreateConverter() => new(TimeZone);

    /// <summary>The wall-clock time in the home at <paramref name="instant"/>.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>Minutes since local midnight, fractional (0 ≤ m &lt; 1440).</summary>
    public double LocalMinuteOfDay(DateTimeOffset instant) => ToLocal(instant).TimeOfDay.TotalMinutes;

    /// <summary>The local calendar date of <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>The instant of local midnight starting <paramref name="date"/> (DST gaps move it forward).</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>The local dates touched by [from, to), in order.</summary>
    public IEnumerable<DateOnly> DatesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            yield break;
        }

        var last = LocalDate(to.AddTicks(-1));
        for (var d = LocalDate(from); d <= last; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
