using FsCheck.Xunit;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Time;

public sealed class LocalTimeConverterTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")] // half-hour DST shift
    [InlineData("Asia/Kathmandu")] // +05:45
    [InlineData("America/Santiago")] // DST changes at local midnight
    [InlineData("UTC")]
    public void Agrees_with_the_time_zone_rules_through_a_whole_year(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var converter = new LocalTimeConverter(zone);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (var t = start; t < start.AddYears(1); t = t.AddMinutes(7).AddSeconds(13))
        {
            var expected = TimeZoneInfo.ConvertTime(t, zone).DateTime;
            var local = converter.ToLocal(t);
            if (local != expected)
            {
                Assert.Fail($"{zoneId} at {t:O}: {local:O} instead of {expected:O}");
            }
        }
    }

    [Property(MaxTest = 300)]
    public bool Agrees_with_the_time_zone_rules_in_any_order(int[] secondsSince2020)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var converter = new LocalTimeConverter(zone);
        var origin = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

        return (secondsSince2020 ?? []).All(s =>
        {
            var instant = origin.AddSeconds(Math.Abs((long)s) % (10L * 365 * 86400));
            return converter.ToLocal(instant) == TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        });
    }

    [Fact]
    public void A_minute_stamp_holds_the_local_date_and_minute()
    {
        var calendar = HomeProfile.ForTimeZone("Europe/Berlin").Calendar;
        var converter = calendar.CreateConverter();
        var instant = new DateTimeOffset(2025, 3, 30, 5, 30, 0, TimeSpan.Zero); // 07:30 CEST, the day DST starts

        var stamp = converter.ToLocalMinuteStamp(instant);

        Assert.Equal(calendar.LocalDate(instant).DayNumber, stamp / 1440);
        Assert.Equal(7 * 60 + 30, stamp % 1440);
    }
}
