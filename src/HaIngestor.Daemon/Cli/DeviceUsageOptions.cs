namespace HaIngestor.Daemon.Cli;

/// <summary>How the <c>devices</c> verb counts usage per day: the home's time zone, the days kept, the window.</summary>
/// <param name="TimeZone">The home's time zone, which gives each change its local day.</param>
/// <param name="WindowDays">Local days of windowed utilisation (Analysis:WindowDays).</param>
/// <param name="DaysKept">Per-day usage kept (Storage:AggregateRetentionDays).</param>
public sealed record DeviceUsageOptions(TimeZoneInfo TimeZone, int WindowDays, int DaysKept)
{
    public static DeviceUsageOptions Default { get; } = new(TimeZoneInfo.Utc, 30, Domain.Devices.DeviceSnapshot.DefaultDaysKept);

    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
}
