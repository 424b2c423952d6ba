namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>The rule that decides whether a detected pattern is a planted behaviour, for one pattern type.</summary>
public interface ITruthMatcher
{
    /// <summary>The pattern type (and truth kind) it judges.</summary>
    string Kind { get; }

    /// <summary>Whether <paramref name="detected"/> describes <paramref name="truth"/>; both are of <see cref="Kind"/>.</summary>
    bool Matches(Pattern detected, TruthEntry truth);
}
