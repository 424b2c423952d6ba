namespace HaIngestor.Daemon.Bench;

/// <summary>One row of the benchmark table.</summary>
/// <param name="Scenario">The scenario's name, e.g. <c>parse-devices</c>.</param>
/// <param name="Unavailable">Why the scenario could not run; null when it ran.</param>
/// <param name="Count">How many items the timed part handled.</param>
/// <param name="Unit">What <paramref name="Count"/> counts: devices, messages, events.</param>
/// <param name="Usage">What the timed part cost; null when the scenario did not run.</param>
/// <param name="Lost">Items that should have come out and did not (null where nothing can be lost).</param>
/// <param name="Target">The target for this scenario, in words.</param>
/// <param name="TargetMet">Whether the figures meet the target; null for quick runs and unavailable rows.</param>
/// <param name="Figures">Further counts and timings of the scenario.</param>
public sealed record BenchResult(
    string Scenario,
    string? Unavailable,
    long Count,
    string Unit,
    ResourceUsage? Usage,
    long? Lost,
    string Target,
    bool? TargetMet,
    IReadOnlyList<BenchFigure> Figures)
{
    /// <summary>Items per second of wall time.</summary>
    public double? PerSecond => Usage is { WallMilliseconds: > 0 } usage ? Count / (usage.WallMilliseconds / 1000) : null;

    public static BenchResult NotAvailable(string scenario, string reason, string target) =>
        new(scenario, reason, 0, "", null, null, target, null, []);
}
