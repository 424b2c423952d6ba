namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// Scores detected patterns against planted truth, per pattern type. A detected pattern is correct when it
/// matches a human truth entry (required or not); it is a false positive otherwise, also when it matches
/// an automation's behaviour. Recall counts the required human entries that some detected pattern matches.
/// Patterns of types without a matcher are not scored.
/// </summary>
public static class AccuracyScorer
{
    public static IReadOnlyList<KindAccuracy> Score(IReadOnlyList<Pattern> detected, IReadOnlyList<TruthEntry> truth, IReadOnlyList<ITruthMatcher> matchers)
    {
        var scores = new List<KindAccuracy>(matchers.Count);
        foreach (var matcher in matchers)
        {
            var planted = truth.Where(t => t.Kind == matcher.Kind).ToList();
            var found = detected.Where(p => p.Type == matcher.Kind).ToList();
            var falsePositives = new List<Pattern>();
            var automated = new List<Pattern>();
            foreach (var pattern in found)
            {
                if (planted.Any(t => t.Human && matcher.Matches(pattern, t)))
                {
                    continue;
                }

                falsePositives.Add(pattern);
                if (planted.Any(t => !t.Human && matcher.Matches(pattern, t)))
                {
                    automated.Add(pattern);
                }
            }

            var required = planted.Where(t => t.Human && t.Required).ToList();
            var missed = required.Where(t => !found.Any(p => matcher.Matches(p, t))).ToList();
            scores.Add(new KindAccuracy(
                matcher.Kind,
                required.Count,
                required.Count - missed.Count,
                found.Count,
                found.Count - falsePositives.Count,
                missed,
                falsePositives,
                automated));
        }

        return scores;
    }
}
