using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Actors.Tests.Support;

public sealed class InMemorySummaryStore : ISummaryStore
{
    private readonly List<LatestAnalysis> saved = [];
    private readonly Lock gate = new();

    public IReadOnlyList<LatestAnalysis> Saved
    {
        get
        {
            lock (gate)
            {
                return saved.ToList();
            }
        }
    }

    public Task SaveAnalysisAsync(AnalysisRunReport run, IReadOnlyList<Pattern> patterns, IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            saved.Add(new LatestAnalysis(run, patterns, suggestions));
        }

        return Task.CompletedTask;
    }

    public Task<LatestAnalysis?> LoadLatestAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(saved.LastOrDefault());
        }
    }

    public Task<IReadOnlyList<AnalysisRunReport>> ListRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AnalysisRunReport>>(saved.Select(s => s.Run).Reverse().Take(limit).ToList());
        }
    }
}
