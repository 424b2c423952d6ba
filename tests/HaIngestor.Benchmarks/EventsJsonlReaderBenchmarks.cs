using BenchmarkDotNet.Attributes;
using HaIngestor.Daemon.Bench;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Benchmarks;

/// <summary>
/// Parsing alone: the bench verb's simulated events.jsonl at the quick sizes (about 300,000 lines) from memory, so
/// neither the disk nor the daily folding is in the figure; the verb's analyze-3m scenario times the whole verb.
/// </summary>
[MemoryDiagnoser]
public class EventsJsonlReaderBenchmarks
{
    private byte[] file = [];

    [GlobalSetup]
    public void Setup()
    {
        var sizes = BenchSizes.Quick;
        var home = BenchHome.Create(sizes);
        var stream = new MemoryStream();
        using (var writer = new EventsJsonlWriter(stream, leaveOpen: true))
        {
            foreach (var change in new HistoryGenerator(home).Generate(BenchHome.Start(home, sizes), sizes.Days))
            {
                writer.Write(change);
            }
        }

        file = stream.ToArray();
    }

    [Benchmark]
    public long Parse()
    {
        long ticks = 0;
        foreach (var change in EventsJsonlReader.Enumerate(new MemoryStream(file)))
        {
            ticks += change.Time.UtcTicks;
        }

        return ticks;
    }

    [Benchmark]
    public int ParseIntoBatch()
    {
        var batch = new EventBatch();
        foreach (var change in EventsJsonlReader.Enumerate(new MemoryStream(file)))
        {
            batch.Add(change);
        }

        return batch.Count;
    }
}
