using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

public sealed class DailyAggregateCodecTests
{
    private static readonly Lazy<IReadOnlyList<DailyAggregate>> Days = new(() =>
    {
        var home = SimulatedHome.Create(8);
        var from = new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.FromHours(1));
        var events = new HistoryGenerator(home).Generate(from, 4).ToList();
        return IncrementalAnalysis.Aggregate(events, home.Profile, AggregateEquality.AllDetectors());
    });

    [Fact]
    public void A_timeline_day_round_trips_field_by_field()
    {
        foreach (var day in Days.Value.OfType<TimelineDay>())
        {
            var back = (TimelineDay)AggregateEquality.RoundTrip(day);
            Assert.Equal(day.Date, back.Date);
            Assert.Equal(day.EventCount, back.EventCount);
            Assert.Equal(day.FirstTicks, back.FirstTicks);
            Assert.Equal(day.LastTicks, back.LastTicks);
            Assert.Equal(day.Entities, back.Entities);
            Assert.Equal(day.Areas, back.Areas);
            Assert.Equal(day.States, back.States);
            Assert.Equal(day.Ticks, back.Ticks);
            Assert.Equal(day.Entity, back.Entity);
            Assert.Equal(day.State, back.State);
            Assert.Equal(day.Flags, back.Flags);
        }

        Assert.Contains(Days.Value.OfType<TimelineDay>(), d => d.Count > 10);
    }

    [Fact]
    public void A_time_of_day_day_round_trips_field_by_field()
    {
        foreach (var day in Days.Value.OfType<TimeOfDayDay>())
        {
            var back = (TimeOfDayDay)AggregateEquality.RoundTrip(day);
            Assert.Equal(day.Date, back.Date);
            Assert.Equal(day.Entities.Count, back.Entities.Count);
            foreach (var (a, b) in day.Entities.Zip(back.Entities))
            {
                Assert.Equal((a.EntityId, a.FirstTicks, a.LastTicks), (b.EntityId, b.FirstTicks, b.LastTicks));
                Assert.Equal(a.States.Select(s => s.State), b.States.Select(s => s.State));
                Assert.Equal(a.States.Select(s => s.Stamps), b.States.Select(s => s.Stamps));
            }
        }

        Assert.Contains(Days.Value.OfType<TimeOfDayDay>(), d => d.Entities.Any(e => e.States.Count > 0));
    }

    [Fact]
    public void An_empty_day_round_trips()
    {
        var empty = new LocalDay(new DateOnly(2026, 5, 1), []);
        var home = Domain.Time.HomeProfile.ForTimeZone("UTC");
        var timeline = (TimelineDay)AggregateEquality.RoundTrip(((Domain.Detection.IAggregatingDetector)new Domain.Detection.DurationDetector()).Aggregate(empty, home));
        var timeOfDay = (TimeOfDayDay)AggregateEquality.RoundTrip(((Domain.Detection.IAggregatingDetector)new Domain.Detection.TimeOfDayDetector()).Aggregate(empty, home));

        Assert.Equal(0, timeline.EventCount);
        Assert.Empty(timeline.Ticks);
        Assert.Empty(timeOfDay.Entities);
    }

    [Fact]
    public void Every_truncation_of_a_payload_is_an_error_not_an_exception()
    {
        foreach (var day in Days.Value.Take(2))
        {
            var payload = DailyAggregateCodec.Encode(day);
            for (var length = 0; length < payload.Length; length++)
            {
                Assert.False(DailyAggregateCodec.TryDecode(day.Kind, day.Date, payload[..length], out _, out var error));
                Assert.False(string.IsNullOrEmpty(error));
            }
        }
    }

    [Fact]
    public void An_unknown_kind_or_version_is_an_error()
    {
        var day = Days.Value[0];
        var payload = DailyAggregateCodec.Encode(day);
        var otherVersion = (byte[])payload.Clone();
        otherVersion[0] = 99;

        Assert.False(DailyAggregateCodec.TryDecode("session", day.Date, payload, out _, out var unknown));
        Assert.False(DailyAggregateCodec.TryDecode(day.Kind, day.Date, otherVersion, out _, out var version));
        Assert.Contains("session", unknown);
        Assert.Contains("version", version);
    }

    [Property(MaxTest = 300)]
    public Property Corrupted_payloads_never_throw(int position, byte value, bool timeline)
    {
        var day = Days.Value.First(d => d is TimelineDay == timeline);
        var payload = DailyAggregateCodec.Encode(day);
        payload[(int)((uint)position % payload.Length)] = value;
        var decoded = DailyAggregateCodec.TryDecode(day.Kind, day.Date, payload, out var aggregate, out var error);
        return (decoded ? aggregate is not null : !string.IsNullOrEmpty(error)).ToProperty();
    }
}
