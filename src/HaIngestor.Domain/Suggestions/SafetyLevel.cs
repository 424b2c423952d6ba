namespace HaIngestor.Domain.Suggestions;

/// <summary>What the safety validator allows: deploy freely, deploy after a human look, or never.</summary>
public enum SafetyLevel
{
    Safe,
    Review,
    Blocked,
}
