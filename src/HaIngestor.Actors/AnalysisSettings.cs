namespace HaIngestor.Actors;

/// <summary>How an analysis run reads, waits and ranks.</summary>
public sealed record AnalysisSettings
{
    /// <summary>Default window: the last <c>WindowDays</c> whole local days before the run starts, plus today so far.</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>Deadline for all detectors of a group; a detector still busy then counts as failed.</summary>
    public TimeSpan DetectorTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long phase 1 waits for the device manager's capability snapshot.</summary>
    public TimeSpan CapabilityTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int TopSuggestions { get; init; } = 10;

    /// <summary>How long a run waits for Home Assistant's automations before suggesting without checking them.</summary>
    public TimeSpan HomeAssistantTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
