namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>Precision and recall of one pattern type against the planted truth.</summary>
/// <param name="Kind">Pattern type.</param>
/// <param name="Planted">Required human truth entries (the recall denominator).</param>
/// <param name="Recalled">Of those, the ones some detected pattern matches.</param>
/// <param name="Detected">Detected patterns of the type (the precision denominator).</param>
/// <param name="Correct">Detected patterns that match a human truth entry, required or not.</param>
/// <param name="Missed">The required entries no detected pattern matches.</param>
/// <param name="FalsePositives">Detected patterns that match no human truth entry.</param>
/// <param name="Automated">The false positives that match an automation's behaviour.</param>
public sealed record KindAccuracy(
    string Kind,
    int Planted,
    int Recalled,
    int Detected,
    int Correct,
    IReadOnlyList<TruthEntry> Missed,
    IReadOnlyList<Pattern> FalsePositives,
    IReadOnlyList<Pattern> Automated)
{
    /// <summary>Correct / detected; null when nothing was detected.</summary>
    public double? Precision => Detected == 0 ? null : (double)Correct / Detected;

    /// <summary>Recalled / planted; null when nothing of the type was planted.</summary>
    public double? Recall => Planted == 0 ? null : (double)Recalled / Planted;
}
