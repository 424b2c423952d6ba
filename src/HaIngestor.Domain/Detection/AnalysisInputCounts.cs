namespace HaIngestor.Domain.Detection;

/// <summary>What reading the input of an offline analysis met, for the report: nothing dropped goes unmentioned.</summary>
/// <param name="LinesRead">Lines of the events file, blank ones included.</param>
/// <param name="SkippedLines">Lines that did not parse and were left out.</param>
/// <param name="Duplicates">Lines repeating an earlier entity, time and state; left out.</param>
/// <param name="OutOfOrder">Lines earlier than a line before them; kept, and the events sorted.</param>
/// <param name="OutsideWindow">Valid lines outside the analysed window.</param>
public sealed record AnalysisInputCounts(long LinesRead, long SkippedLines, long Duplicates, long OutOfOrder, long OutsideWindow);
