using HaIngestor.Domain.Events;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Simulation;

/// <summary>Shared helpers of the simulation tests.</summary>
internal static class SimulationFixtures
{
    /// <summary>A Monday, local midnight in Berlin (CET), well away from a DST change.</summary>
    public static readonly DateTimeOffset January = new(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1));

    public static List<StateChange> Generate(int seed, DateTimeOffset start, int days, SimulationOptions? options = null) =>
        new HistoryGenerator(SimulatedHome.Create(seed, options)).Generate(start, days).ToList();

    public static DateTime Local(SimulatedHome home, DateTimeOffset time) => home.Calendar.ToLocal(time);
}
