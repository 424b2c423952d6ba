using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Domain.Detection;

/// <summary>Whether a run checked its suggestions against the automations Home Assistant already has, and what that found.</summary>
/// <param name="Checked">The automations were read; only then do suggestions say what no HA automation does.</param>
/// <param name="Source">Where they were read from (<c>rest</c>, <c>file</c>), or null when not checked.</param>
/// <param name="Automations">Automations read.</param>
/// <param name="Enabled">Of those, enabled.</param>
/// <param name="Skipped">Automations HA has that could not be used: config not fetched or not readable.</param>
/// <param name="AlreadyAutomated">Suggestions dropped because an enabled HA automation already does what they propose.</param>
/// <param name="Reason">Why the automations were not checked, when they were not.</param>
public sealed record HomeAssistantCheck(bool Checked, string? Source, int Automations, int Enabled, int Skipped, int AlreadyAutomated, string? Reason)
{
    public static HomeAssistantCheck NotChecked(string reason) => new(false, null, 0, 0, 0, 0, reason);

    /// <summary>The check of suggestions against <paramref name="automations"/>, read from <paramref name="source"/>.</summary>
    public static HomeAssistantCheck Of(string source, HaAutomationCatalog automations, int alreadyAutomated) =>
        new(true, source, automations.Automations.Count, automations.EnabledCount, automations.Unfetched + automations.Skipped, alreadyAutomated, null);
}
