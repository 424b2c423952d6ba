using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Actors.Protocol;

/// <summary>Phase 6: a finished run's results to store and publish. A failed run replaces nothing.</summary>
public sealed record PublishAnalysis(AnalysisRunReport Report, IReadOnlyList<Pattern> Patterns, IReadOnlyList<Suggestion> Suggestions);

public sealed record GetSuggestions
{
    public static GetSuggestions Instance { get; } = new();
}

public sealed record SuggestionsView(IReadOnlyList<Suggestion> Suggestions, AnalysisRunReport? LastRun);

public sealed record GetPatterns
{
    public static GetPatterns Instance { get; } = new();
}

public sealed record PatternsView(IReadOnlyList<Pattern> Patterns, AnalysisRunReport? LastRun);

/// <summary>Published on the actor system's EventStream after every run, failed ones included.</summary>
public sealed record AnalysisRunFinished(AnalysisRunReport Report, IReadOnlyList<Pattern> Patterns, IReadOnlyList<Suggestion> Suggestions);
