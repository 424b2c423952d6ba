using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

public sealed class AggregateFreshnessTests
{
    private static readonly HomeProfile Madrid = HomeProfile.ForTimeZone("Europe/Madrid");

    [Fact]
    public void Only_the_settings_an_aggregation_reads_and_the_time_zone_change_the_fingerprint()
    {
        var defaults = new TimeOfDayDetector();
        var thresholds = new TimeOfDayDetector(new TimeOfDaySettings { MinOccurrences = 9, MaxSpreadMinutes = 20, MinLift = 3 });
        var ignored = new TimeOfDayDetector(new TimeOfDaySettings { IgnoredDomains = ["sun", "light"] });
        var reordered = new TimeOfDayDetector(new TimeOfDaySettings { IgnoredDomains = ["light", "sun", "sun"] });

        Assert.Equal(AggregateFingerprint.Of(defaults, Madrid), AggregateFingerprint.Of(thresholds, Madrid));
        Assert.NotEqual(AggregateFingerprint.Of(defaults, Madrid), AggregateFingerprint.Of(ignored, Madrid));
        Assert.Equal(AggregateFingerprint.Of(ignored, Madrid), AggregateFingerprint.Of(reordered, Madrid));
        Assert.NotEqual(AggregateFingerprint.Of(defaults, Madrid), AggregateFingerprint.Of(defaults, HomeProfile.ForTimeZone("Europe/Lisbon")));
        Assert.Equal(
            AggregateFingerprint.Of(new CoOccurrenceDetector(), Madrid),
            AggregateFingerprint.Of(new SequenceDetector(new SequenceSettings(MaxGapSeconds: 30, MinEpisodes: 2)), Madrid));
        Assert.NotEqual(AggregateFingerprint.Of(new CoOccurrenceDetector(), Madrid), AggregateFingerprint.Of(defaults, Madrid));
        Assert.Contains("v1", AggregateFingerprint.Describe(defaults, Madrid));
    }

    [Fact]
    public void A_row_is_stale_under_another_fingerprint_or_after_a_later_write_to_its_day()
    {
        var detectors = new IAggregatingDetector[] { new TimeOfDayDetector(), new DurationDetector() };
        var day = new DateOnly(2026, 3, 10);
        var noon = Madrid.Calendar.StartOfDay(day).AddHours(12);
        var log = new L1WriteLog(9, DateTimeOffset.MinValue, [new WrittenHour(noon, 7), new WrittenHour(noon.AddDays(1), 9)]);
        var freshness = AggregateFreshness.For(detectors, Madrid, log);
        var fingerprint = freshness.FingerprintOf(TimelineDay.KindName);

        Assert.True(freshness.IsCurrent(new StoredAggregate(TimelineDay.KindName, day, [], fingerprint, 7)));
        Assert.False(freshness.IsCurrent(new StoredAggregate(TimelineDay.KindName, day, [], fingerprint, 6)));
        Assert.False(freshness.IsCurrent(new StoredAggregate(TimelineDay.KindName, day, [], "", 9)));
        Assert.False(freshness.IsCurrent(new StoredAggregate(TimeOfDayDay.KindName, day, [], fingerprint, 9)));
        Assert.True(freshness.IsCurrent(new StoredAggregate(TimelineDay.KindName, day.AddDays(-1), [], fingerprint, 0)));
        Assert.False(freshness.IsCurrent(new StoredAggregate(TimelineDay.KindName, day.AddDays(1), [], fingerprint, 8)));
    }

    [Fact]
    public void An_hour_that_straddles_local_midnight_counts_for_both_days()
    {
        var kolkata = HomeProfile.ForTimeZone("Asia/Kolkata");
        var day = new DateOnly(2026, 3, 10);
        var hour = new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.Zero); // 23:30–00:30 local

        var byDay = AggregateFreshness.LastWriteByDay(new L1WriteLog(4, DateTimeOffset.MinValue, [new WrittenHour(hour, 4)]), kolkata.Calendar);

        Assert.Equal(new Dictionary<DateOnly, long> { [day] = 4, [day.AddDays(1)] = 4 }, byDay);
    }
}
