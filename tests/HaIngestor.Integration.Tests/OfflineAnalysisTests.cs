using HaIngestor.Daemon.Cli;
using HaIngestor.Domain.Detection;
using HaIngestor.Simulation;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Integration.Tests;

/// <summary>The analysis of a file far out of time order (read into an EventBatch and sorted) equals the streamed analysis of the same events in order.</summary>
public sealed class OfflineAnalysisTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("haingestor-offline-").FullName;

    [Fact]
    public void A_shuffled_file_with_repeats_gives_the_patterns_and_counts_of_the_ordered_file()
    {
        var home = SimulatedHome.Create(11);
        var start = new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.FromHours(1));
        var summary = SimulationWriter.Write(Path.Combine(_directory, "ordered"), home, start, 21);
        var orderedPath = Path.Combine(summary.Directory, SimulationWriter.EventsFileName);
        var lines = File.ReadAllLines(orderedPath);
        var random = new Random(3);
        var shuffled = lines.Concat(lines.Where((_, i) => i % 97 == 0)).OrderBy(_ => random.Next()).ToList();
        var shuffledPath = Path.Combine(_directory, "shuffled.jsonl");
        File.WriteAllLines(shuffledPath, shuffled);
        var profile = HomeJsonReader.ReadFile(Path.Combine(summary.Directory, SimulationWriter.HomeFileName));

        var ordered = OfflineAnalysis.AnalyzeFile(orderedPath, profile, null, null, DetectorCatalog.CreateAll(), 10);
        var unordered = OfflineAnalysis.AnalyzeFile(shuffledPath, profile, null, null, DetectorCatalog.CreateAll(), 10);

        Assert.True(ordered.Streamed);
        Assert.False(unordered.Streamed);
        Assert.NotEmpty(ordered.Analysis.Patterns);
        Assert.Equal(ordered.Events, unordered.Events);
        Assert.Equal(ordered.Read.Duplicates + lines.Where((_, i) => i % 97 == 0).Count(), unordered.Read.Duplicates);
        Assert.True(unordered.Read.OutOfOrder > 0);
        Assert.Equal((ordered.From, ordered.To), (unordered.From, unordered.To));
        Assert.Equal(
            ordered.Analysis.Patterns.Select(p => (p.Id, p.Type, p.Confidence, string.Join(',', p.Entities), p.Occurrences)),
            unordered.Analysis.Patterns.Select(p => (p.Id, p.Type, p.Confidence, string.Join(',', p.Entities), p.Occurrences)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
