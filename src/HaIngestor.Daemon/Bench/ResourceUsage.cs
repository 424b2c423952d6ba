namespace HaIngestor.Daemon.Bench;

/// <summary>What the timed part of a scenario cost.</summary>
/// <param name="WallMilliseconds">Stopwatch time.</param>
/// <param name="CpuMilliseconds">Process CPU time (all threads, so up to cores × wall).</param>
/// <param name="AllocatedBytes">Managed bytes allocated by all threads.</param>
/// <param name="StartRssBytes">Working set when the timed part began (the scenario's input already in memory).</param>
/// <param name="PeakRssBytes">Peak working set during the timed part (Linux: the peak is reset at its start).</param>
/// <param name="PeakIsPerScenario">False when the peak could not be reset, so it is the process's peak so far.</param>
public sealed record ResourceUsage(
    double WallMilliseconds,
    double CpuMilliseconds,
    long AllocatedBytes,
    long StartRssBytes,
    long PeakRssBytes,
    bool PeakIsPerScenario);
