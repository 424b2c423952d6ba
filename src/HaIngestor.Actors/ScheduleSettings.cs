namespace HaIngestor.Actors;

/// <summary>Cron expressions (five fields) evaluated in the home's time zone.</summary>
public sealed record ScheduleSettings
{
    /// <summary>Group A (daily detectors).</summary>
    public string Daily { get; init; } = "0 3 * * *";

    /// <summary>Group B (weekly detectors).</summary>
    public string Weekly { get; init; } = "30 3 * * 1";

    /// <summary>Group C (monthly detectors).</summary>
    public string Monthly { get; init; } = "0 4 1 * *";

    /// <summary>How many finished run reports the scheduler keeps in its state.</summary>
    public int HistorySize { get; init; } = 50;
}
