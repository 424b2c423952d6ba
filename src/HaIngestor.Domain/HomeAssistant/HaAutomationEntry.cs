using System.Text.Json.Nodes;

namespace HaIngestor.Domain.HomeAssistant;

/// <summary>One automation as Home Assistant gives it: its entity, whether it is on, and its config.</summary>
/// <param name="EntityId">The <c>automation.*</c> entity, when known (not when read from automations.yaml).</param>
/// <param name="Enabled">The entity is on: the automation runs when triggered.</param>
/// <param name="Config">The config as HA's config API returns it (modern or legacy syntax); anything else is skipped.</param>
public sealed record HaAutomationEntry(string? EntityId, bool Enabled, JsonNode? Config);
