using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Storage.HomeAssistant;

/// <summary>Reads the primary source (HA's REST API) and, only when it is unavailable, the fallback (automations.yaml).</summary>
public sealed class FallbackAutomationSource(IHaAutomationSource primary, IHaAutomationSource fallback) : IHaAutomationSource, IDisposable
{
    public void Dispose()
    {
        (primary as IDisposable)?.Dispose();
        (fallback as IDisposable)?.Dispose();
    }

    public async Task<HaAutomationFetch> ReadAsync(CancellationToken cancellationToken = default)
    {
        var first = await primary.ReadAsync(cancellationToken);
        if (first.Unavailable is not { } reason)
        {
            return first;
        }

        var second = await fallback.ReadAsync(cancellationToken);
        return second.Unavailable is { } also
            ? second with { Unavailable = $"{reason}; {also}" }
            : second with { Problems = [$"{first.Source} unavailable ({reason}), read {second.Source} instead", .. second.Problems] };
    }
}
