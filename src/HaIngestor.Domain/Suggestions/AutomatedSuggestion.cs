namespace HaIngestor.Domain.Suggestions;

/// <summary>A suggestion not made because an enabled Home Assistant automation already does what it proposes.</summary>
/// <param name="Title">The suggestion's title.</param>
/// <param name="Automation">The alias of the HA automation that already does it.</param>
/// <param name="Why">What that automation already does, in words.</param>
public sealed record AutomatedSuggestion(string Title, string Automation, string Why);
