using System.Text.Json.Nodes;
using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Actors.Tests.Support;

/// <summary>Home Assistant's automations as a source gives them: fixed configs, or HA being unreachable, or HA never answering.</summary>
public sealed class FixedAutomationSource(Func<CancellationToken, Task<HaAutomationFetch>> read) : IHaAutomationSource
{
    public static FixedAutomationSource With(params string[] configs) =>
        new(_ => Task.FromResult(new HaAutomationFetch(
            "rest",
            configs.Select((c, i) => new HaAutomationEntry($"automation.a{i}", true, JsonNode.Parse(c))).ToList(),
            0,
            [],
            null)));

    public static FixedAutomationSource Unreachable(string reason) => new(_ => Task.FromResult(HaAutomationFetch.Failed("rest", reason)));

    /// <summary>Answers only by being cancelled, as an HTTP client waiting on a hung server does.</summary>
    public static FixedAutomationSource Silent() => new(async token =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("an infinite delay ended");
    });

    public Task<HaAutomationFetch> ReadAsync(CancellationToken cancellationToken = default) => read(cancellationToken);
}
