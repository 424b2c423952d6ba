namespace HaIngestor.Domain.Detection;

/// <summary>An ordered sequence of human actions; the pattern's entities and states are the steps in order.</summary>
/// <param name="MedianGapSeconds">Median pause between consecutive steps over all episodes, seconds (<c>median_gap_s</c>).</param>
public sealed record SequenceDetails(double MedianGapSeconds) : PatternDetails;
