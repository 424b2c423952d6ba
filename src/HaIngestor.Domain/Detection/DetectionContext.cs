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
}
