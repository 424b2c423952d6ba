using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace HaIngestor.Daemon.Bench;

/// <summary>Where the figures were measured: they mean little without it.</summary>
/// <param name="LoadAverage">The 1-minute load average when the facts were taken (Linux); other work on the
/// machine competes for the cores and stretches wall times.</param>
public sealed record MachineFacts(
    int ProcessorCount,
    string CpuModel,
    string OperatingSystem,
    string Runtime,
    bool ServerGc,
    bool OptimizedBuild,
    double? LoadAverage)
{
    public static MachineFacts Current() => new(
        Environment.ProcessorCount,
        CpuModelName(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC,
        IsOptimized(typeof(MachineFacts).Assembly),
        OneMinuteLoad());

    public override string ToString() =>
        $"{ProcessorCount} cores ({CpuModel}), {OperatingSystem}, {Runtime}, {(ServerGc ? "server" : "workstation")} GC, {(OptimizedBuild ? "Release" : "Debug")} build";

    /// <summary>The first <c>model name</c> of /proc/cpuinfo, or the architecture elsewhere.</summary>
    private static string CpuModelName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null && line.IndexOf(':') is var colon and >= 0)
            {
                return line[(colon + 1)..].Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or no /proc: the architecture is the next best description.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static double? OneMinuteLoad()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or no /proc: the load is unknown.
            return null;
        }
    }

    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
}
