namespace HaIngestor.Domain.HomeAssistant;

/// <summary>What a source of Home Assistant automations delivered.</summary>
/// <param name="Source">Where they came from, for the report (<c>rest</c>, <c>file</c>).</param>
/// <param name="Entries">The automations whose config was fetched.</param>
/// <param name="Unfetchable">Automations HA has but whose config could not be fetched (no id, not found, errors).</param>
/// <param name="Problems">What went wrong per automation, one line each (never a secret).</param>
/// <param name="Unavailable">Why nothing could be read (not reachable, refused the token, unreadable file); null when reading worked.</param>
/// <param name="Registry">HA's entity and device registries, when they could be read, to resolve devices and areas.</param>
public sealed record HaAutomationFetch(
    string Source,
    IReadOnlyList<HaAutomationEntry> Entries,
    int Unfetchable,
    IReadOnlyList<string> Problems,
    string? Unavailable,
    HaRegistry? Registry = null)
{
    public static HaAutomationFetch Failed(string source, string reason) => new(source, [], 0, [], reason);
}
