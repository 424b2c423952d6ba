using FsCheck.Xunit;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class TimeOfDayPropertyTests
{
    /// <summary>
    /// Any daily routine, at any minute of the day (midnight included), with a few minutes of jitter, across the
    /// spring DST change in Berlin, is found once, at its planted local time, on every day.
    /// </summary>
    [Property(MaxTest = 60)]
    public bool A_planted_routine_is_found_at_its_local_time(ushort rawMinute, int seed)
    {
        var planted = rawMinute % 1440;
        var home = new HomeEvents("Europe/Berlin");
        var from = new DateOnly(2025, 3, 17);
        var to = from.AddDays(28);
        var random = new Random(seed);
        foreach (var day in HomeEvents.Days(from, to))
        {
            home.Manual(day, planted + (random.NextDouble() * 2 - 1) * 5, "switch.plug", "on", "off");
        }

        var patterns = new TimeOfDayDetector().Detect(home.Context(from.AddDays(-1), to.AddDays(1)));

        return patterns.Count == 1
            && patterns[0].Details is TimeOfDayDetails details
            && Math.Abs(CircularTime.Difference(planted, details.LocalMinuteOfDay)) <= 3
            && patterns[0].Occurrences is 28;
    }
}
