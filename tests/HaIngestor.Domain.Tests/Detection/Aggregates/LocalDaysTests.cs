using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection.Aggregates;

public sealed class LocalDaysTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28T12:00:00Z")]
    [InlineData("Europe/Berlin", "2026-10-24T12:00:00Z")]
    [InlineData("America/Santiago", "2026-04-03T12:00:00Z")]
    [InlineData("America/Santiago", "2026-09-04T12:00:00Z")]
    public void Every_event_lands_in_the_day_whose_span_holds_it_and_days_follow_each_other(string zone, string start)
    {
        var calendar = HomeProfile.ForTimeZone(zone).Calendar;
        var from = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var events = Enumerable.Range(0, 4 * 24 * 12).Select(k => new StateChange(from.AddMinutes(5 * k), "light.a", k % 2 == 0 ? "on" : "off")).ToList();

        var days = LocalDays.Split(events, calendar);

        Assert.Equal(events.Count, days.Sum(d => d.Events.Count));
        Assert.Equal(days.Select(d => d.Date).Order(), days.Select(d => d.Date));
        foreach (var day in days)
        {
            var (dayStart, dayEnd) = LocalDays.Bounds(day.Date, calendar);
            Assert.All(day.Events, e => Assert.True(e.Time >= dayStart && e.Time < dayEnd, $"{e.Time:O} outside {day.Date}"));
        }

        Assert.Equal(events, days.SelectMany(d => d.Events));
    }

    [Fact]
    public void Whole_days_within_a_window_leave_out_its_partial_edges()
    {
        var calendar = HomeProfile.ForTimeZone("Europe/Berlin").Calendar;
        var from = calendar.StartOfDay(new DateOnly(2026, 3, 27)).AddHours(3);
        var to = calendar.StartOfDay(new DateOnly(2026, 3, 31)).AddHours(1);

        Assert.Equal(
            [new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30)],
            LocalDays.WholeDaysWithin(from, to, calendar));
        Assert.Equal(
            [new DateOnly(2026, 3, 27)],
            LocalDays.WholeDaysWithin(calendar.StartOfDay(new DateOnly(2026, 3, 27)), calendar.StartOfDay(new DateOnly(2026, 3, 28)), calendar));
    }
}
