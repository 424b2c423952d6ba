namespace HaIngestor.Simulation;

/// <summary>
/// What the Group A pattern kinds mean, in numbers, when the truth is derived from the planted activities.
/// The windows are those of the detectors' default settings, since a co-occurrence "within two minutes" is a
/// different behaviour from one "within five".
/// </summary>
/// <param name="CoOccurrenceWindowSeconds">B follows A "within the window".</param>
/// <param name="SequenceMaxGapSeconds">Steps further apart than this are not one sequence.</param>
/// <param name="RoomWindowSeconds">Activations further apart than this are not used together.</param>
/// <param name="RequiredConfidence">
/// A pair whose planted P(B within the window | A) reaches this is a directed co-occurrence that must be found;
/// between <paramref name="AllowedConfidence"/> and this it is a true but borderline one (found or not, no error).
/// </param>
/// <param name="AllowedConfidence">Below this a pair is no co-occurrence: B follows A in too few of A's occurrences.</param>
/// <param name="DurationTolerance">
/// On-times have a typical value that must be found when their planted quartiles lie within ± this share
/// of their median (the tolerance the duration match allows).
/// </param>
/// <param name="AnomalyHistoryDays">An anomaly must be found only when the entity was used on at least this many other days.</param>
public sealed record TruthDefinitions(
    double CoOccurrenceWindowSeconds = 120,
    double SequenceMaxGapSeconds = 300,
    double RoomWindowSeconds = 300,
    double RequiredConfidence = 0.65,
    double AllowedConfidence = 0.35,
    double DurationTolerance = 0.25,
    int AnomalyHistoryDays = 14);
