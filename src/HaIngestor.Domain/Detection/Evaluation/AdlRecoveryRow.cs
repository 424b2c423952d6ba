namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>Whether a labelled activity was recovered as a time-of-day routine of a sensor tied to it.</summary>
/// <param name="Activity">The labelled activity.</param>
/// <param name="Concentrated">Its start time is concentrated enough to expect a routine.</param>
/// <param name="TiedEntities">Sensors tied to it by the data: most of their changes fall inside its labelled intervals.</param>
/// <param name="Nearest">The time_of_day pattern of a tied sensor closest to its typical start, if any.</param>
/// <param name="DistanceMinutes">Circular distance from the typical start to <paramref name="Nearest"/>, minutes.</param>
/// <param name="Recovered">A concentrated activity with <paramref name="Nearest"/> within the tolerance.</param>
public sealed record AdlRecoveryRow(
    AdlActivity Activity,
    bool Concentrated,
    IReadOnlyList<string> TiedEntities,
    Pattern? Nearest,
    double? DistanceMinutes,
    bool Recovered);
