namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>A labelled daily activity of a real recording (<c>truth_adl.json</c>): its summary and its labelled intervals.</summary>
/// <param name="Name">Label, e.g. <c>Breakfast</c>.</param>
/// <param name="Count">How many times it was labelled.</param>
/// <param name="TypicalLocalMinute">Circular mean of the local start times, minutes since midnight.</param>
/// <param name="Concentration">Mean resultant length of the start times (0..1; near 1 = always at the same time).</param>
/// <param name="Intervals">The labelled occurrences, UTC.</param>
public sealed record AdlActivity(
    string Name,
    int Count,
    int TypicalLocalMinute,
    double Concentration,
    IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Intervals);
