namespace HaIngestor.Domain.HomeAssistant;

/// <summary>An entity an automation reads, and the attribute it reads when it reads one rather than the state.</summary>
public sealed record EntityReference(string EntityId, string? Attribute = null);
