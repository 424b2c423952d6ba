using HaIngestor.Simulation;

namespace HaIngestor.Daemon.Bench;

/// <summary>The simulated home the scenarios take their data from: fixed seed and window, so runs compare.</summary>
public static class BenchHome
{
    public const int Seed = 1;

    /// <summary>The history ends here (local midnight in the home's zone); the window crosses the spring DST change.</summary>
    public static DateTimeOffset End { get; } = new(2025, 4, 15, 0, 0, 0, TimeSpan.FromHours(2));

    public static SimulatedHome Create(BenchSizes sizes) =>
        SimulatedHome.Create(Seed, new SimulationOptions(SensorInterval: sizes.SensorInterval, ExtraClimateSensors: sizes.ExtraClimateSensors));

    /// <summary>The first instant of <see cref="BenchSizes.Days"/> whole local days ending at <see cref="End"/>.</summary>
    public static DateTimeOffset Start(SimulatedHome home, BenchSizes sizes) => home.WindowStart(End, sizes.Days);
}
