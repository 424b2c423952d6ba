using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>Everything a detector may look at: the events of the window (sorted by time) and the home.</summary>
/// <param name="Events">State changes with WindowStart ≤ time &lt; WindowEnd, sorted by time.</param>
/// <param name="Home">Time zone, location, areas.</param>
/// <param name="WindowStart">Start of the analysed window (inclusive).</param>
/// <param name="WindowEnd">End of the analysed window (exclusive).</param>
public sealed record DetectionContext(
    IReadOnlyList<StateChange> Events,
    HomeProfile Home,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd)
{
    public HomeCalendar Calendar { get; } = Home.Calendar;

    /// <summary>
    /// Stored daily aggregates (L2) of days of the window, by aggregate kind; <see cref="Events"/> then holds
    /// only the raw events of the other days (a partial day at an edge of the window, today so far).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DailyAggregate>>? Aggregates { get; init; }
}
