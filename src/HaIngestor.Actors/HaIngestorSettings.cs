using HaIngestor.Domain.Time;

namespace HaIngestor.Actors;

/// <summary>Everything the actor tree needs, bound by the daemon from configuration.</summary>
public sealed record HaIngestorSettings
{
    public MqttSettings Mqtt { get; init; } = new();

    public HomeProfile Home { get; init; } = HomeProfile.ForTimeZone("UTC");

    public ScheduleSettings Schedule { get; init; } = new();

    public AnalysisSettings Analysis { get; init; } = new();

    /// <summary>L1 raw state changes older than this are pruned after each run.</summary>
    public int RawRetentionDays { get; init; } = 7;

    /// <summary>L2 daily aggregates older than this are pruned after each run.</summary>
    public int AggregateRetentionDays { get; init; } = 90;

    public EventWriterSettings EventWriter { get; init; } = new();

    /// <summary>Persistent actors save a snapshot every this many events.</summary>
    public int SnapshotEvery { get; init; } = 100;
}
