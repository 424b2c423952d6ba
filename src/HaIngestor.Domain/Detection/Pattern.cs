namespace HaIngestor.Domain.Detection;

/// <summary>A behaviour found in the data, with its evidence.</summary>
/// <param name="Id">Stable id: the same behaviour gets the same id in every run.</param>
/// <param name="Type">Detector name, e.g. <c>time_of_day</c>.</param>
/// <param name="Entities">The entities involved, in the order the type defines.</param>
/// <param name="States">The states involved, parallel to <paramref name="Entities"/> where that applies.</param>
/// <param name="Occurrences">How many times (days, episodes) it was seen.</param>
/// <param name="Confidence">0..1; what it means is documented per detector.</param>
/// <param name="EvidenceDates">The local dates on which it was seen, ascending.</param>
/// <param name="Details">The type-specific facts.</param>
public sealed record Pattern(
    string Id,
    string Type,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> States,
    int Occurrences,
    double Confidence,
    IReadOnlyList<DateOnly> EvidenceDates,
    PatternDetails Details);

/// <summary>Type-specific facts of a pattern; one derived record per pattern type.</summary>
public abstract record PatternDetails;

/// <summary>A routine at a local time of day.</summary>
/// <param name="LocalMinuteOfDay">Circular mean of the local times, minutes since midnight (0..1439).</param>
/// <param name="SpreadMinutes">Circular standard deviation of the local times, minutes.</param>
/// <param name="Days">The days of the week it happens on.</param>
public sealed record TimeOfDayDetails(int LocalMinuteOfDay, double SpreadMinutes, DaySelection Days) : PatternDetails
{
    /// <summary>The local time as <c>HH:MM</c>.</summary>
    public string LocalTime => $"{LocalMinuteOfDay / 60:00}:{LocalMinuteOfDay % 60:00}";
}
