namespace HaIngestor.Daemon.Bench;

/// <summary>The scenarios of the <c>bench</c> verb, run in a fixed order in one workspace.</summary>
public static class BenchRunner
{
    public const string All = "all";

    // The scenario with a peak-memory target runs first: the runtime keeps some of what earlier scenarios grew (pooled
    // buffers, SQLite caches, JIT code) however the heap is collected, and that would count in its peak.
    public static IReadOnlyList<IBenchScenario> Scenarios { get; } =
    [
        new FullRecomputeScenario(),
        new ParseDevicesScenario(),
        new IngestStatesScenario(JournalKind.Sqlite),
        new IngestStatesScenario(JournalKind.InMemory),
        new AnalyzeEventsScenario(),
        new DailyIncrementalScenario(),
    ];

    /// <summary>The scenarios <paramref name="name"/> selects (<c>all</c> or one name), or none for an unknown name.</summary>
    public static IReadOnlyList<IBenchScenario> Select(string name) =>
        name == All ? Scenarios : Scenarios.Where(s => s.Name == name).ToList();

    /// <summary>Runs <paramref name="scenarios"/>, reporting progress on <paramref name="progress"/>.</summary>
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(
        IReadOnlyList<IBenchScenario> scenarios,
        BenchSizes sizes,
        TextWriter progress,
        CancellationToken cancellationToken = default)
    {
        using var workspace = new BenchWorkspace(sizes, progress);
        var results = new List<BenchResult>();
        foreach (var scenario in scenarios)
        {
            progress.WriteLine($"{scenario.Name}: {scenario.Description}");
            results.Add(await scenario.RunAsync(workspace, cancellationToken));
        }

        return results;
    }
}
