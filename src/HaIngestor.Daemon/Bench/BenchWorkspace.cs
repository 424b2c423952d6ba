using HaIngestor.Simulation;
using Microsoft.Data.Sqlite;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// A temporary directory and the data the scenarios share, made once and untimed: the simulated home and its
/// history written as events.jsonl and home.json. Deleted on dispose.
/// </summary>
public sealed class BenchWorkspace : IDisposable
{
    private readonly Lazy<SimulatedHome> home;
    private SimulationSummary? history;

    public BenchWorkspace(BenchSizes sizes, TextWriter progress)
    {
        Sizes = sizes;
        Progress = progress;
        Directory = System.IO.Directory.CreateTempSubdirectory("ha-ingestor-bench-").FullName;
        home = new Lazy<SimulatedHome>(() => BenchHome.Create(sizes));
    }

    public BenchSizes Sizes { get; }

    /// <summary>Where scenarios report untimed preparation (standard error for the verb).</summary>
    public TextWriter Progress { get; }

    public string Directory { get; }

    public SimulatedHome Home => home.Value;

    /// <summary>The simulated history as events.jsonl and home.json in this workspace, written on first use.</summary>
    public SimulationSummary History()
    {
        if (history is null)
        {
            Progress.WriteLine($"  writing {Sizes.Days} days of simulated history (not timed) ...");
            history = SimulationWriter.Write(Path.Combine(Directory, "history"), Home, BenchHome.Start(Home, Sizes), Sizes.Days);
            Progress.WriteLine($"  {history.Events:N0} events of {history.Entities} entities on {history.Devices} devices");
        }

        return history;
    }

    public string EventsFile => Path.Combine(History().Directory, SimulationWriter.EventsFileName);

    public string HomeFile => Path.Combine(History().Directory, SimulationWriter.HomeFileName);

    public void Dispose()
    {
        // Pooled SQLite connections keep the scenario databases open.
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException e)
        {
            Progress.WriteLine($"could not delete {Directory}: {e.Message}");
        }
    }
}
