using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Suggestions;

/// <summary>Phase 5: turns patterns into ranked, deduplicated, safety-checked automation suggestions.</summary>
public static class SuggestionEngine
{
    public const int DefaultTop = 10;

    /// <summary>The best <paramref name="top"/> suggestions for <paramref name="patterns"/>, best first.</summary>
    public static IReadOnlyList<Suggestion> Build(IReadOnlyList<Pattern> patterns, HomeProfile home, int top = DefaultTop) =>
        throw new NotImplementedException("being written on branch detection");
}
