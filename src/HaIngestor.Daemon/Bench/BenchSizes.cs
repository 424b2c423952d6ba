namespace HaIngestor.Daemon.Bench;

/// <summary>How big each scenario's input is: the issues' sizes, or a quick run small enough for a test.</summary>
/// <param name="Devices">Devices in the bridge/devices list of parse-devices.</param>
/// <param name="Messages">Device state messages of ingest-states.</param>
/// <param name="Days">Days of simulated history for analyze-3m and full-recompute-30d.</param>
/// <param name="SensorInterval">How often the simulated sensors report (the main lever on the event count).</param>
/// <param name="ExtraClimateSensors">Temperature/humidity sensors added to the simulated home.</param>
/// <param name="IsQuick">Whether these are the shrunk sizes (the issues' targets then do not apply).</param>
public sealed record BenchSizes(int Devices, int Messages, int Days, TimeSpan SensorInterval, int ExtraClimateSensors, bool IsQuick)
{
    /// <summary>5,000 devices, 20,000 messages, 30 days of about 3M events.</summary>
    public static BenchSizes Full { get; } = new(5_000, 20_000, 30, TimeSpan.FromMinutes(1), 43, IsQuick: false);

    /// <summary>1,000 devices, 2,000 messages, 30 days of about 300k events.</summary>
    public static BenchSizes Quick { get; } = new(1_000, 2_000, 30, TimeSpan.FromMinutes(10), 43, IsQuick: true);
}
