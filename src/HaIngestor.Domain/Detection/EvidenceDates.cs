namespace HaIngestor.Domain.Detection;

/// <summary>A pattern's evidence: distinct local dates, ascending.</summary>
internal static class EvidenceDates
{
    public static IReadOnlyList<DateOnly> From(IEnumerable<int> dayNumbers) =>
        dayNumbers.Distinct().Order().Select(DateOnly.FromDayNumber).ToList();
}
