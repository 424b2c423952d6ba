namespace HaIngestor.Simulation;

/// <summary>One queued item of the history generator.</summary>
/// <param name="Entity">Index into <see cref="SimulatedHome.Entities"/>.</param>
/// <param name="Kind">What to do.</param>
/// <param name="State">The state to set (<see cref="ScheduledKind.Set"/>).</param>
/// <param name="UserId">HA context user_id of the change.</param>
/// <param name="ParentId">HA context parent_id of the change.</param>
/// <param name="Tag">Report chain generation of a plug.</param>
internal readonly record struct Scheduled(int Entity, ScheduledKind Kind, string? State, string? UserId, string? ParentId, int Tag);
