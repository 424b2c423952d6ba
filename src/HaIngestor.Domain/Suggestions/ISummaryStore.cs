using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Suggestions;

/// <summary>The L4 store: analysis runs, their patterns and suggestions (SQLite by default, PostgreSQL as an option).</summary>
public interface ISummaryStore
{
    /// <summary>Stores a finished run with its patterns and suggestions; they become the latest.</summary>
    Task SaveAnalysisAsync(AnalysisRunReport run, IReadOnlyList<Pattern> patterns, IReadOnlyList<Suggestion> suggestions, CancellationToken cancellationToken = default);

    /// <summary>The latest run with results, or null when there was none.</summary>
    Task<LatestAnalysis?> LoadLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>The most recent runs, newest first.</summary>
    Task<IReadOnlyList<AnalysisRunReport>> ListRunsAsync(int limit, CancellationToken cancellationToken = default);
}

/// <summary>The latest run's results as stored in L4.</summary>
public sealed record LatestAnalysis(AnalysisRunReport Run, IReadOnlyList<Pattern> Patterns, IReadOnlyList<Suggestion> Suggestions);
