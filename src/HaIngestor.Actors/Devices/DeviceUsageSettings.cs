namespace HaIngestor.Actors.Devices;

/// <summary>How device actors keep per-day usage: the home's time zone gives the local day, <see cref="DaysKept"/> how many.</summary>
/// <param name="TimeZone">The home's time zone.</param>
/// <param name="DaysKept">Per-day usage kept, as long as L2 daily aggregates (Storage:AggregateRetentionDays).</param>
public sealed record DeviceUsageSettings(TimeZoneInfo TimeZone, int DaysKept)
{
    public static DeviceUsageSettings Utc { get; } = new(TimeZoneInfo.Utc, Domain.Devices.DeviceSnapshot.DefaultDaysKept);

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
}
