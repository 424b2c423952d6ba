namespace HaIngestor.Domain.Events;

/// <summary>One Home Assistant state change of one entity (one line of events.jsonl, one L1 row).</summary>
/// <param name="Time">When the state changed, UTC.</param>
/// <param name="EntityId">HA entity id, <c>domain.object_id</c>.</param>
/// <param name="State">The new state as HA writes it (<c>on</c>, <c>off</c>, <c>21.5</c>, ...).</param>
/// <param name="OldState">The previous state when known.</param>
/// <param name="Area">The area the entity belongs to, when known.</param>
/// <param name="Origin">Who caused the change (see <see cref="Origin"/>).</param>
/// <param name="UserId">HA context user_id, when present.</param>
/// <param name="ParentId">HA context parent_id, when present.</param>
public sealed record StateChange(
    DateTimeOffset Time,
    string EntityId,
    string State,
    string? OldState = null,
    string? Area = null,
    Origin Origin = Origin.Manual,
    string? UserId = null,
    string? ParentId = null)
{
    /// <summary>The HA domain of the entity (<c>light</c> of <c>light.kitchen</c>).</summary>
    public string Domain => EntityId.IndexOf('.') is var dot and > 0 ? EntityId[..dot] : EntityId;

    /// <summary>HA's placeholder states that never describe behaviour.</summary>
    public bool IsPlaceholderState => State is "unavailable" or "unknown" or "";

    /// <summary>Derives the origin from HA's context ids, the rule of ARCHITECTURE.md section 5.</summary>
    public static Origin OriginFromContext(string state, string? userId, string? parentId) =>
        state is "unavailable" or "unknown" ? Origin.System
        : !string.IsNullOrEmpty(parentId) ? Origin.Automation
        : Origin.Manual;
}
