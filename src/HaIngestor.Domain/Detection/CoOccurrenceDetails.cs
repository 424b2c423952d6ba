namespace HaIngestor.Domain.Detection;

/// <summary>A directed co-occurrence: the second entity's state follows the first's within the window.</summary>
/// <param name="WindowSeconds">The window, seconds (<c>window_s</c>).</param>
/// <param name="Support">Share of the observed local days on which the pair happened (0..1).</param>
/// <param name="Lift">Confidence divided by the chance of the second action following any moment within the window.</param>
public sealed record CoOccurrenceDetails(double WindowSeconds, double Support, double Lift) : PatternDetails;
