using System.Diagnostics;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// Measures wall time, CPU time, allocation and peak working set of a stretch of work. On Linux the kernel's
/// peak (VmHWM) is reset at the start by writing 5 to /proc/self/clear_refs, so each scenario gets its own peak
/// rather than the process's highest so far.
/// </summary>
public sealed class ResourceMeter
{
    private const string ClearRefs = "/proc/self/clear_refs";

    private readonly Stopwatch wall;
    private readonly TimeSpan cpuAtStart;
    private readonly long allocatedAtStart;
    private readonly long rssAtStart;
    private readonly bool peakReset;

    private ResourceMeter()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();

        // Aggressive: gives the heap earlier scenarios grew back to the system, so a scenario's peak is its own.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        peakReset = TryResetPeak();
        using var process = Process.GetCurrentProcess();
        rssAtStart = process.WorkingSet64;
        cpuAtStart = process.TotalProcessorTime;
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        wall = Stopwatch.StartNew();
    }

    /// <summary>Collects garbage, resets the peak and starts measuring.</summary>
    public static ResourceMeter Start() => new();

    public ResourceUsage Stop()
    {
        var elapsed = wall.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        using var process = Process.GetCurrentProcess();
        return new ResourceUsage(
            elapsed.TotalMilliseconds,
            (process.TotalProcessorTime - cpuAtStart).TotalMilliseconds,
            allocated,
            rssAtStart,
            Math.Max(process.PeakWorkingSet64, process.WorkingSet64),
            peakReset);
    }

    private static bool TryResetPeak()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
