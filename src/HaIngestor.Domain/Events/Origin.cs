namespace HaIngestor.Domain.Events;

/// <summary>
/// Who caused a state change, from Home Assistant's context: <c>parent_id</c> set means an automation
/// or script, <c>user_id</c> set means a person in a HA UI, neither means a physical device or an
/// integration. Only <see cref="Manual"/> changes are evidence for a human routine.
/// </summary>
public enum Origin
{
    /// <summary>A person: a UI action (user_id) or a physical action (no context ids).</summary>
    Manual,

    /// <summary>Caused by an automation or script (parent_id set).</summary>
    Automation,

    /// <summary>Not an action at all: HA's <c>unavailable</c>/<c>unknown</c>, restarts, integrations.</summary>
    System,
}
