namespace HaIngestor.Domain.Suggestions;

/// <summary>The safety validator's verdict on one automation, with the reasons.</summary>
public sealed record SafetyAssessment(SafetyLevel Level, IReadOnlyList<string> Issues);
