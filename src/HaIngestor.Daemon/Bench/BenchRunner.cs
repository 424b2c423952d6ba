namespace HaIngestor.Daemon.Bench;

/// <summary>The scenarios of the <c>bench</c> verb, run in a fixed order in one workspace.</summary>
public static class BenchRunner
{
    public const string All = "all";

    public static IReadOnlyList<IBenchScenario> Scenarios { get; } =
    [
        new ParseDevicesScenario(),
        new IngestStatesScenario(JournalKind.Sqlite),
        new IngestStatesScenario(JournalKind.InMemory),
        new AnalyzeEventsScenario(),
        new FullRecomputeScenario(),
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
