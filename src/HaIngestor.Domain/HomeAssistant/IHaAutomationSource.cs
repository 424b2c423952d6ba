namespace HaIngestor.Domain.HomeAssistant;

/// <summary>Where the analysis run learns which automations Home Assistant already has (its REST API, or automations.yaml).</summary>
public interface IHaAutomationSource
{
    /// <summary>Every automation it can read. Never throws for an unreachable or refusing HA: it says so in <see cref="HaAutomationFetch.Unavailable"/>.</summary>
    Task<HaAutomationFetch> ReadAsync(CancellationToken cancellationToken = default);
}
