using BenchmarkDotNet.Attributes;
using HaIngestor.Daemon.Bench;
using HaIngestor.Domain.Detection;
using HaIngestor.Simulation;

namespace HaIngestor.Benchmarks;

/// <summary>
/// The time_of_day detector over 30 days of the <c>bench</c> verb's simulated home at the quick sizes (about
/// 300,000 events, held in memory); the verb's full-recompute-30d scenario covers 3M events.
/// </summary>
[MemoryDiagnoser]
public class TimeOfDayDetectorBenchmarks
{
    private readonly TimeOfDayDetector detector = new(new TimeOfDaySettings());
    private DetectionContext context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sizes = BenchSizes.Quick;
        var home = BenchHome.Create(sizes);
        var start = BenchHome.Start(home, sizes);
        var events = new HistoryGenerator(home).Generate(start, sizes.Days).ToList();
        context = new DetectionContext(events, home.Profile, start, start.AddDays(sizes.Days));
    }

    [Benchmark]
    public int Detect() => detector.Detect(context).Count;
}
