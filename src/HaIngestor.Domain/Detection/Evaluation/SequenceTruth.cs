namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>A planted ordered run of steps of one activity; the entry's entities and states are the steps in order.</summary>
/// <param name="MaxGapSeconds">Largest nominal pause between consecutive steps the run was cut with, seconds.</param>
public sealed record SequenceTruth(double MaxGapSeconds) : TruthDetails;
