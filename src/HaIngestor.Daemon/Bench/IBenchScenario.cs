namespace HaIngestor.Daemon.Bench;

/// <summary>One scenario of the <c>bench</c> verb: prepares its input untimed, then measures one piece of work.</summary>
public interface IBenchScenario
{
    /// <summary>The name <c>--scenario</c> takes.</summary>
    string Name { get; }

    string Description { get; }

    Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken);
}
