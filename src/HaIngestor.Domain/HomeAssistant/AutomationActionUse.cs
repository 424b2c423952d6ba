namespace HaIngestor.Domain.HomeAssistant;

/// <summary>One action step of an automation and what it acts on.</summary>
/// <param name="Action">The HA action (<c>light.turn_on</c>), from <c>action:</c> or the legacy <c>service:</c>; null when it is a template.</param>
/// <param name="Entities">Target entity ids.</param>
/// <param name="Devices">Target device ids (HA device registry ids, which cannot be matched to entities here).</param>
/// <param name="Areas">Target area ids.</param>
public sealed record AutomationActionUse(string? Action, IReadOnlyList<string> Entities, IReadOnlyList<string> Devices, IReadOnlyList<string> Areas);
