using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Suggestions;

/// <summary>time_of_day patterns as the detector would report them.</summary>
internal static class Routines
{
    public static Pattern At(
        string entityId,
        string state,
        int hour,
        int minute,
        DaySelection? days = null,
        double confidence = 0.9,
        int occurrences = 20,
        string? id = null)
    {
        var from = new DateOnly(2025, 1, 6);
        var selection = days ?? DaySelection.All;
        var dates = Enumerable.Range(0, 60).Select(from.AddDays).Where(d => selection.Contains(d.DayOfWeek)).Take(occurrences).ToList();
        return new Pattern(
            id ?? $"tod-{entityId}-{state}-{hour:00}{minute:00}-{selection}",
            "time_of_day",
            [entityId],
            [state],
            occurrences,
            confidence,
            dates,
            new TimeOfDayDetails(hour * 60 + minute, 6.5, selection));
    }
}
