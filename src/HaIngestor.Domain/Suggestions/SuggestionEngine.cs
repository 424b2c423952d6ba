using System.Globalization;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Phase 5: turns patterns into ranked, deduplicated, safety-checked automation suggestions.
/// <para>
/// One suggestion per time_of_day pattern of an entity HA can drive (sensors give none). Its id is
/// <c>ha_ingestor_</c> + <see cref="StableId"/> of the pattern id, so it is stable across runs and usable as
/// HA's automation id. Score (0..1) = (0.7 · confidence + 0.3 · min(1, occurrences / 21)) × safety factor
/// (safe 1, review 0.85, blocked 0.25): three weeks of evidence count fully. Suggestions that would do the
/// same (same entity, action and data, time within the same half hour) appear once, the best-scored.
/// Blocked suggestions are kept so the user can see why they will never be deployed, but always rank after
/// every other suggestion; ties are broken by id, so the order is deterministic.
/// </para>
/// </summary>
public static class SuggestionEngine
{
    public const int DefaultTop = 10;

    public const string IdPrefix = "ha_ingestor_";

    /// <summary>Occurrences at which the evidence counts fully in the score.</summary>
    private const int FullEvidenceOccurrences = 21;

    /// <summary>Safe and review first, blocked last; then higher score; then id.</summary>
    private static readonly Comparer<Suggestion> Ranking = Comparer<Suggestion>.Create((a, b) =>
    {
        var byBlocked = (a.Safety.Level == SafetyLevel.Blocked).CompareTo(b.Safety.Level == SafetyLevel.Blocked);
        if (byBlocked != 0)
        {
            return byBlocked;
        }

        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.Id, b.Id);
    });

    /// <summary>The best <paramref name="top"/> suggestions for <paramref name="patterns"/>, best first.</summary>
    public static IReadOnlyList<Suggestion> Build(IReadOnlyList<Pattern> patterns, HomeProfile home, int top = DefaultTop)
    {
        if (top <= 0)
        {
            return [];
        }

        var best = new Dictionary<string, Suggestion>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            if (Suggest(pattern, home) is not { } candidate)
            {
                continue;
            }

            var (key, suggestion) = candidate;
            if (!best.TryGetValue(key, out var kept) || Ranking.Compare(suggestion, kept) < 0)
            {
                best[key] = suggestion;
            }
        }

        var ranked = best.Values.ToList();
        ranked.Sort(Ranking);
        return ranked.Take(top).ToList();
    }

    /// <summary>
    /// The best <paramref name="top"/> suggestions for <paramref name="patterns"/> and unused-feature
    /// <paramref name="opportunities"/> together, best first, ranked alike (see <see cref="OpportunitySuggestionBuilder"/>
    /// for how an opportunity scores). An opportunity and a pattern never merge: they propose different automations.
    /// </summary>
    public static IReadOnlyList<Suggestion> Build(
        IReadOnlyList<Pattern> patterns,
        IReadOnlyList<FeatureOpportunity> opportunities,
        HomeProfile home,
        int top = DefaultTop)
    {
        if (top <= 0)
        {
            return [];
        }

        var byId = new Dictionary<string, Suggestion>(StringComparer.Ordinal);
        foreach (var suggestion in Build(patterns, home, int.MaxValue).Concat(opportunities.Select(OpportunitySuggestionBuilder.Build).OfType<Suggestion>()))
        {
            if (!byId.TryGetValue(suggestion.Id, out var kept) || Ranking.Compare(suggestion, kept) < 0)
            {
                byId[suggestion.Id] = suggestion;
            }
        }

        var ranked = byId.Values.ToList();
        ranked.Sort(Ranking);
        return ranked.Take(top).ToList();
    }

    private static (string Key, Suggestion Suggestion)? Suggest(Pattern pattern, HomeProfile home)
    {
        if (pattern.Type != TimeOfDayDetector.TypeName
            || pattern.Details is not TimeOfDayDetails routine
            || pattern.Entities.Count != 1
            || pattern.States.Count != 1
            || EntityActions.For(pattern.Entities[0], pattern.States[0]) is not { } call)
        {
            return null;
        }

        var entityId = pattern.Entities[0];
        var name = FriendlyName.FromEntityId(entityId);
        var id = IdPrefix + StableId.Hex(pattern.Id);
        var title = string.Format(CultureInfo.InvariantCulture, call.Phrase, name) + " at " + routine.LocalTime + " " + DaysPhrase(routine.Days);
        var description = Describe(pattern, routine, name, call, home);
        var automation = AutomationBuilder.Build(id, title, description, routine, entityId, call);
        var safety = SafetyValidator.Assess(automation, pattern.Confidence);
        var evidence = Math.Min(1.0, (double)pattern.Occurrences / FullEvidenceOccurrences);
        var safetyFactor = safety.Level switch
        {
            SafetyLevel.Safe => 1.0,
            SafetyLevel.Review => 0.85,
            _ => 0.25,
        };
        var score = Math.Round(Math.Clamp((0.7 * pattern.Confidence + 0.3 * evidence) * safetyFactor, 0, 1), 4);
        var halfHour = (routine.LocalMinuteOfDay + 15) / 30 % 48;
        var key = string.Join('|', entityId, call.Key, halfHour.ToString(CultureInfo.InvariantCulture));
        var suggestion = new Suggestion(id, title, description, score, [pattern.Id], automation, AutomationYaml.ToYaml(automation), safety);
        return (key, suggestion);
    }

    private static string Describe(Pattern pattern, TimeOfDayDetails routine, string name, ServiceCall call, HomeProfile home)
    {
        var area = home.EntityAreas.TryGetValue(pattern.Entities[0], out var a) ? $" ({a})" : "";
        var observed = string.Format(CultureInfo.InvariantCulture, call.Observed, name + area);
        var seen = pattern.EvidenceDates.Count == 0
            ? $"on {pattern.Occurrences} days"
            : $"on {pattern.Occurrences} of the {EligibleDays(pattern.EvidenceDates, routine.Days)} {DayNoun(routine.Days)} " +
              $"from {pattern.EvidenceDates[0]:yyyy-MM-dd} to {pattern.EvidenceDates[^1]:yyyy-MM-dd}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{observed} by hand around {routine.LocalTime} {seen}, " +
            $"give or take {routine.SpreadMinutes:0} min (confidence {pattern.Confidence:0.00}).");
    }

    /// <summary>The days of the selection from the first to the last evidence date, both included.</summary>
    private static int EligibleDays(IReadOnlyList<DateOnly> dates, DaySelection days)
    {
        var count = 0;
        for (var d = dates[0]; d <= dates[^1]; d = d.AddDays(1))
        {
            count += days.Contains(d.DayOfWeek) ? 1 : 0;
        }

        return count;
    }

    private static string DayNoun(DaySelection days) => days.ToString() switch
    {
        "all" => "days",
        "weekdays" => "weekdays",
        "weekends" => "weekend days",
        _ => string.Join('/', days.ShortNames.Select(Capitalise)) + " days",
    };

    private static string DaysPhrase(DaySelection days) => days.ToString() switch
    {
        "all" => "every day",
        "weekdays" => "on weekdays",
        "weekends" => "on weekends",
        _ => "on " + string.Join(", ", days.ShortNames.Select(Capitalise)),
    };

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
