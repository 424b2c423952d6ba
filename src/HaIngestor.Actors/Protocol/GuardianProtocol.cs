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
