namespace HaIngestor.Actors.Protocol;

public sealed record GetStatus
{
    public static GetStatus Instance { get; } = new();
}

/// <summary>The whole tree's state; a part is null when its actor did not answer in time.</summary>
public sealed record HaIngestorStatus(
    BridgeStatus? Bridge,
    DeviceManagerStatus? Devices,
    EventWriterStatus? Events,
    SchedulerStatus? Scheduler);

/// <summary>
/// Shutdown step: stop taking MQTT input, let every device actor finish what it received, then store the event
/// writer's buffer. Sent by CoordinatedShutdown before the actors stop, so nothing received is lost.
/// </summary>
public sealed record DrainIngest
{
    public static DrainIngest Instance { get; } = new();
}

/// <summary>Everything received before <see cref="DrainIngest"/> is stored (or the drain timed out and said so).</summary>
public sealed record IngestDrained(long EventsWritten);
