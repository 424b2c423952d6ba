namespace HaIngestor.Simulation;

/// <summary>What a queued item of the history generator does when its time comes.</summary>
internal enum ScheduledKind : byte
{
    /// <summary>An entity takes a state (a person, an automation or a sensor acting).</summary>
    Set,

    /// <summary>A metering plug reports power and energy.</summary>
    PlugReport,

    /// <summary>A temperature or humidity sensor reports.</summary>
    SensorReport,
}
