namespace HaIngestor.Domain.HomeAssistant;

/// <summary>What one Home Assistant automation uses, by role.</summary>
/// <param name="Id">The config's <c>id</c>, when it has one.</param>
/// <param name="EntityId">The <c>automation.*</c> entity, when known.</param>
/// <param name="Alias">The config's <c>alias</c>, else the id or entity.</param>
/// <param name="Enabled">The automation is on.</param>
/// <param name="Triggers">Entities (and attributes) whose change triggers it, including those read by trigger templates.</param>
/// <param name="TriggerTimes">Fixed times of day of its <c>time</c> triggers.</param>
/// <param name="Conditions">Entities (and attributes) its conditions read, anywhere: top level, choose/if options, condition steps, waits.</param>
/// <param name="Actions">Its action steps with their targets, flattened from choose/if/sequence/parallel/repeat.</param>
/// <param name="Unresolved">Devices, areas and entity registry ids it names that HA's registries did not resolve to entities
/// (or that could not be resolved because the registries were not read), and <c>blueprint &lt;path&gt;</c> for a blueprint
/// whose inputs cannot be read: what it does with them is unknown.</param>
public sealed record HaAutomation(
    string? Id,
    string? EntityId,
    string Alias,
    bool Enabled,
    IReadOnlyList<EntityReference> Triggers,
    IReadOnlyList<TimeOnly> TriggerTimes,
    IReadOnlyList<EntityReference> Conditions,
    IReadOnlyList<AutomationActionUse> Actions,
    IReadOnlyList<string> Unresolved)
{
    /// <summary>Every entity its actions target.</summary>
    public IEnumerable<string> TargetEntities => Actions.SelectMany(a => a.Entities);
}
