namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>A planted "A then B within the window": the second entity's state follows the first's.</summary>
/// <param name="WindowSeconds">The window of the definition, seconds.</param>
/// <param name="GapSeconds">Nominal pause from A to B in the activity that plants it (the shortest when several do).</param>
/// <param name="ExpectedConfidence">Planted P(B within the window | A), counting every source of A (routines and noise).</param>
public sealed record CoOccurrenceTruth(double WindowSeconds, double GapSeconds, double ExpectedConfidence) : TruthDetails;
