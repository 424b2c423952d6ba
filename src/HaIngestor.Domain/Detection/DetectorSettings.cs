namespace HaIngestor.Domain.Detection;

/// <summary>The settings of every detector, one property per detector; the daemon binds them from configuration.</summary>
public sealed record DetectorSettings
{
    public TimeOfDaySettings TimeOfDay { get; init; } = new();
}
