namespace HaIngestor.Simulation;

/// <summary>One state change inside a planted activity.</summary>
/// <param name="Offset">Local wall-clock offset from the activity's time (may be negative, may pass midnight).</param>
/// <param name="EntityId">The entity that changes.</param>
/// <param name="State">Its new HA state.</param>
/// <param name="JitterMinutes">The step's own normal jitter (σ) on top of the activity's.</param>
/// <param name="FollowsStart">
/// True: the step moves with the activity's jittered start (motion right before a light). False: it keeps its own
/// time and only its own jitter (bedtime does not depend on when the lamp went on).
/// </param>
public sealed record PlantedStep(TimeSpan Offset, string EntityId, string State, double JitterMinutes = 0, bool FollowsStart = true);
