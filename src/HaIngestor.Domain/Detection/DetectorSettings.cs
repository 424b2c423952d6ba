namespace HaIngestor.Domain.Detection;

/// <summary>The settings of every detector, one property per detector; the daemon binds them from configuration.</summary>
public sealed record DetectorSettings
{
    public TimeOfDaySettings TimeOfDay { get; init; } = new();

    public CoOccurrenceSettings CoOccurrence { get; init; } = new();

    public SequenceSettings Sequence { get; init; } = new();

    public DurationSettings Duration { get; init; } = new();

    public RoomSettings Room { get; init; } = new();

    public AnomalySettings Anomaly { get; init; } = new();
}
