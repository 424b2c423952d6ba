namespace HaIngestor.Simulation;

/// <summary>Knobs of the simulated home. The defaults give a small home of a few hundred events a day.</summary>
/// <param name="TimeZoneId">IANA time zone of the home; the default has DST so every run crosses the rules.</param>
/// <param name="SensorInterval">How often temperature/humidity sensors and metering plugs report.</param>
/// <param name="ExtraClimateSensors">
/// Additional temperature/humidity sensors spread over the rooms, to make large volumes for benchmarks
/// (each reports two entities every <see cref="SensorInterval"/>).
/// </param>
/// <param name="PlantAnomalies">Plant the deliberate anomalies of <see cref="SimulatedHome.Anomalies"/>; off gives a history without one-offs.</param>
public sealed record SimulationOptions(
    string TimeZoneId = "Europe/Berlin",
    TimeSpan? SensorInterval = null,
    int ExtraClimateSensors = 0,
    bool PlantAnomalies = true)
{
    public static SimulationOptions Default { get; } = new();

    /// <summary>The report interval in effect (ten minutes unless set).</summary>
    public TimeSpan EffectiveSensorInterval => SensorInterval is { } interval && interval > TimeSpan.Zero ? interval : TimeSpan.FromMinutes(10);
}
