namespace HaIngestor.Simulation;

/// <summary>Use with no routine: a Poisson number of actions a day at uniformly random local times.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="EntityId">The entity that changes.</param>
/// <param name="Shape">Session (on, later off) or press (one state).</param>
/// <param name="PerDay">Mean number of sessions or presses a day.</param>
/// <param name="From">Earliest local start.</param>
/// <param name="To">Latest local start.</param>
/// <param name="States">Session: [start state, end state]. Press: the states to pick from.</param>
/// <param name="MinHold">Shortest session.</param>
/// <param name="MaxHold">Longest session.</param>
/// <param name="Actor">Who acts.</param>
public sealed record NoiseSource(
    string Id,
    string EntityId,
    NoiseShape Shape,
    double PerDay,
    TimeOnly From,
    TimeOnly To,
    IReadOnlyList<string> States,
    TimeSpan MinHold,
    TimeSpan MaxHold,
    Actor Actor = Actor.Person);
