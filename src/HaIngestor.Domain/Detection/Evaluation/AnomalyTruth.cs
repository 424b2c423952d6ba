namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>A deliberately planted anomaly.</summary>
/// <param name="Date">Local date it happens on.</param>
/// <param name="AnomalyKind"><see cref="AnomalyDetails.UnusualHour"/> or <see cref="AnomalyDetails.LongOnTime"/>.</param>
public sealed record AnomalyTruth(DateOnly Date, string AnomalyKind) : TruthDetails;
