using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>The events of an events.jsonl file, sorted by time, and what reading it met.</summary>
/// <param name="Events">The events kept, sorted by time (file order among equal times), without duplicates.</param>
/// <param name="LinesRead">Lines in the file, blank ones included.</param>
/// <param name="SkippedLines">Lines that did not parse.</param>
/// <param name="Duplicates">Lines with the entity, time and state of an earlier kept line; dropped.</param>
/// <param name="OutOfOrder">Lines earlier than some line before them; kept and sorted into place.</param>
/// <param name="OutsideWindow">Valid lines outside the requested window.</param>
/// <param name="Errors">The first skipped lines with their reasons (up to the option's MaxErrors).</param>
public sealed record EventsJsonlReadResult(
    IReadOnlyList<StateChange> Events,
    long LinesRead,
    long SkippedLines,
    long Duplicates,
    long OutOfOrder,
    long OutsideWindow,
    IReadOnlyList<JsonlLineError> Errors)
{
    /// <summary>The counters in the form the analysis report carries.</summary>
    public AnalysisInputCounts ToInputCounts() => new(LinesRead, SkippedLines, Duplicates, OutOfOrder, OutsideWindow);
}
