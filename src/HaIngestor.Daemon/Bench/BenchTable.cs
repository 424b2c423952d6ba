using System.Globalization;

namespace HaIngestor.Daemon.Bench;

/// <summary>The benchmark results as a terminal table, each scenario's further figures below it.</summary>
public static class BenchTable
{
    public static void Write(TextWriter output, IReadOnlyList<BenchResult> results, BenchSizes sizes, MachineFacts before, MachineFacts machine)
    {
        output.WriteLine();
        output.WriteLine($"Machine: {machine}");
        if (before.LoadAverage is { } startLoad && machine.LoadAverage is { } endLoad)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Load average (1 min): {startLoad:F2} at start, {endLoad:F2} at end{(Math.Max(startLoad, endLoad) > machine.ProcessorCount ? " - other work competed for the cores; wall times are stretched" : "")}"));
        }

        output.WriteLine(sizes.IsQuick ? "Sizes: quick (targets apply to the full sizes only)" : "Sizes: full");
        if (!machine.OptimizedBuild)
        {
            output.WriteLine("Note: Debug build; run with -c Release for representative figures.");
        }

        output.WriteLine();
        output.WriteLine($"{"scenario",-27} {"count",10} {"unit",-8} {"wall ms",9} {"cpu ms",9} {"alloc MB",9} {"peak RSS MB",11} {"per s",10} {"lost",5}  {"target met",-10}");
        foreach (var r in results)
        {
            if (r.Usage is not { } u)
            {
                output.WriteLine($"{r.Scenario,-27} {r.Unavailable}");
                continue;
            }

            var met = r.TargetMet switch { true => "yes", false => "NO", null => "-" };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario,-27} {r.Count,10:N0} {r.Unit,-8} {u.WallMilliseconds,9:N0} {u.CpuMilliseconds,9:N0} {u.AllocatedBytes / 1e6,9:N1} {u.PeakRssBytes / 1e6,11:N1} {r.PerSecond,10:N0} {(r.Lost is { } lost ? lost.ToString(CultureInfo.InvariantCulture) : "-"),5}  {met,-10}"));
        }

        output.WriteLine();
        foreach (var r in results)
        {
            output.WriteLine($"{r.Scenario}: target {r.Target}");
            if (r.Usage is { } u)
            {
                var figures = r.Figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}={Format(f.Value)}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  start_rss_mb={u.StartRssBytes / 1e6:F1}{(u.PeakIsPerScenario ? "" : " (peak RSS is the process's peak so far)")} {string.Join(' ', figures)}"));
            }
        }
    }

    private static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("F0", CultureInfo.InvariantCulture)
            : value.ToString("F1", CultureInfo.InvariantCulture);
}
