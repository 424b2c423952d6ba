using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection;

/// <summary>Builds households' event streams in Europe/Berlin local time for the detector tests.</summary>
internal static class Activity
{
    public static readonly HomeProfile Berlin = HomeProfile.ForTimeZone("Europe/Berlin");

    /// <summary>Monday 2025-09-01; the DST end in Berlin is 2025-10-26 03:00 → 02:00.</summary>
    public static readonly DateOnly FirstDay = new(2025, 9, 1);

    public static DateTimeOffset At(DateOnly date, double localHours)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddHours(localHours);
        var zone = Berlin.Calendar.TimeZone;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static IEnumerable<DateOnly> Days(int count, DateOnly? first = null) =>
        Enumerable.Range(0, count).Select(i => (first ?? FirstDay).AddDays(i));

    public static StateChange Human(DateTimeOffset time, string entity, string state, string? old = null, string? area = null) =>
        new(time, entity, state, old, area, Origin.Manual);

    public static StateChange Automated(DateTimeOffset time, string entity, string state, string? old = null, string? area = null) =>
        new(time, entity, state, old, area, Origin.Automation, ParentId: "01JAUTOMATION");

    /// <summary>Random toggles of an entity at uniformly random moments of each day (noise).</summary>
    public static IEnumerable<StateChange> RandomToggles(Random random, string entity, IEnumerable<DateOnly> days, int perDay, string on = "on", string off = "off")
    {
        foreach (var day in days)
        {
            var hours = Enumerable.Range(0, perDay).Select(_ => random.NextDouble() * 24).Order().ToList();
            for (var k = 0; k < hours.Count; k++)
            {
                yield return Human(At(day, hours[k]), entity, k % 2 == 0 ? on : off);
            }
        }
    }

    /// <summary>A window over the given events, sorted by time, from the first event's local midnight to the day after the last one.</summary>
    public static DetectionContext Context(IEnumerable<StateChange> events, HomeProfile? home = null)
    {
        var sorted = events.OrderBy(e => e.Time).ToList();
        home ??= Berlin;
        var calendar = home.Calendar;
        var start = sorted.Count == 0 ? At(FirstDay, 0) : calendar.StartOfDay(calendar.LocalDate(sorted[0].Time));
        var end = sorted.Count == 0 ? start.AddDays(1) : calendar.StartOfDay(calendar.LocalDate(sorted[^1].Time).AddDays(1));
        return new DetectionContext(sorted, home, start, end);
    }

    public static Pattern Single(IReadOnlyList<Pattern> patterns, string firstEntity) =>
        Assert.Single(patterns, p => p.Entities[0] == firstEntity);
}
