using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Ordered sequences of 2..4 human actions (A → B → C …, each step on another entity, each pause at most
/// <see cref="SequenceSettings.MaxGapSeconds"/>), counted as non-overlapping episodes.
/// </summary>
/// <remarks>
/// Candidates grow Apriori-style: step pairs come from one time-sorted sweep and must beat chance (lift);
/// a sequence of length k + 1 is only tried when both its k-step prefix and suffix were frequent.
/// Episodes are counted left to right: a partial episode keeps the latest event of each step (the one
/// most likely to meet the next gap), and when an episode completes every partial one is dropped, so no
/// two episodes share or interleave events. <c>occurrences</c> = episodes; <c>confidence</c> = episodes /
/// occurrences of the first step. A sequence inside a longer reported one (in order, steps may be skipped) with nearly as many episodes
/// (<see cref="SequenceSettings.SupportTolerance"/>) is not reported separately.
/// </remarks>
public sealed class SequenceDetector(SequenceSettings settings) : TimelineDetector
{
    public const string TypeName = "sequence";

    public SequenceDetector()
        : this(new SequenceSettings())
    {
    }

    public override string Name => TypeName;

    public SequenceSettings Settings { get; } = settings;

    public override IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates)
    {
        var timeline = ActivityTimeline.Build(aggregates, Settings.MaxStatesPerEntity);
        var sweep = PairSweep.Run(timeline, timeline.HumanEvents, Settings.MaxGapSeconds);
        var byItem = timeline.HumanEventsByItem();

        var pairs = sweep.Pairs
            .Where(p => p.Tally.Count >= Settings.MinEpisodes && p.Tally.Days >= Settings.MinDays && sweep.Lift(p.First, p.Then, p.Tally) >= Settings.MinLift)
            .OrderByDescending(p => p.Tally.Count)
            .Take(Settings.MaxCandidatesPerLevel)
            .Select(p => new[] { p.First, p.Then });

        var frequent = new List<Episodes>();
        var level = Keep(timeline, byItem, pairs);
        frequent.AddRange(level);
        for (var length = 3; length <= Math.Min(Settings.MaxLength, 4) && level.Count > 0; length++)
        {
            level = Keep(timeline, byItem, Extend(timeline, level));
            frequent.AddRange(level);
        }

        return frequent
            .Where(x => !frequent.Any(y => y.Steps.Length > x.Steps.Length && Contains(y.Steps, x.Steps)
                && y.Count >= (1 - Settings.SupportTolerance) * x.Count))
            .Select(x => ToPattern(timeline, x))
            .OrderByDescending(p => p.Confidence)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    private List<Episodes> Keep(ActivityTimeline timeline, int[][] byItem, IEnumerable<int[]> candidates)
    {
        var kept = new List<Episodes>();
        foreach (var steps in candidates)
        {
            var episodes = Count(timeline, byItem, steps);
            if (episodes.Count >= Settings.MinEpisodes
                && episodes.Days.Count >= Settings.MinDays
                && (double)episodes.Count / byItem[steps[0]].Length >= Settings.MinConfidence)
            {
                kept.Add(episodes with { Confidence = (double)episodes.Count / byItem[steps[0]].Length });
            }
        }

        return kept;
    }

    /// <summary>Joins s and t where t without its last step equals s without its first: s + t's last step.</summary>
    private IEnumerable<int[]> Extend(ActivityTimeline timeline, List<Episodes> level)
    {
        var byPrefix = level.ToLookup(e => Key(e.Steps[..^1]), e => e.Steps);
        return level
            .SelectMany(s => byPrefix[Key(s.Steps[1..])]
                .Where(t => s.Steps.All(step => timeline.ItemEntity[step] != timeline.ItemEntity[t[^1]]))
                .Select(t => (int[])[.. s.Steps, t[^1]]))
            .Take(Settings.MaxCandidatesPerLevel);
    }

    private static string Key(int[] steps) => string.Join(',', steps);

    /// <summary>Whether <paramref name="shorter"/> appears in <paramref name="longer"/> in order, gaps allowed (A→C inside A→B→C).</summary>
    private static bool Contains(int[] longer, int[] shorter)
    {
        var matched = 0;
        foreach (var step in longer)
        {
            if (matched < shorter.Length && step == shorter[matched])
            {
                matched++;
            }
        }

        return matched == shorter.Length;
    }

    private Episodes Count(ActivityTimeline timeline, int[][] byItem, int[] steps)
    {
        var lists = steps.Select(step => byItem[step]).ToArray();
        var heads = new int[steps.Length];
        var chains = new int[steps.Length][];
        var gaps = new List<double>();
        var days = new List<int>();
        var count = 0;

        while (true)
        {
            var position = -1;
            for (var k = 0; k < lists.Length; k++)
            {
                if (heads[k] < lists[k].Length && (position < 0 || lists[k][heads[k]] < lists[position][heads[position]]))
                {
                    position = k;
                }
            }

            if (position < 0)
            {
                break;
            }

            var e = lists[position][heads[position]++];
            if (position == 0)
            {
                chains[0] = [e];
                continue;
            }

            var previous = chains[position - 1];
            if (previous is null)
            {
                continue;
            }

            var gap = timeline.Seconds[e] - timeline.Seconds[previous[^1]];
            if (gap <= 0 || gap > Settings.MaxGapSeconds)
            {
                continue;
            }

            chains[position] = [.. previous, e];
            if (position == steps.Length - 1)
            {
                var episode = chains[position];
                count++;
                days.Add(timeline.Day[episode[0]]);
                for (var k = 1; k < episode.Length; k++)
                {
                    gaps.Add(timeline.Seconds[episode[k]] - timeline.Seconds[episode[k - 1]]);
                }

                Array.Clear(chains);
            }
        }

        return new Episodes(steps, count, EvidenceDates.From(days), gaps, 0);
    }

    private static Pattern ToPattern(ActivityTimeline timeline, Episodes episodes)
    {
        var entities = episodes.Steps.Select(step => timeline.EntityName(timeline.ItemEntity[step])).ToArray();
        var states = episodes.Steps.Select(step => timeline.StateName(timeline.ItemState[step])).ToArray();
        var gaps = episodes.Gaps.Order().ToArray();
        return new Pattern(
            StableId.PatternId(TypeName, entities.Zip(states, (entity, state) => entity + "=" + state)),
            TypeName,
            entities,
            states,
            episodes.Count,
            Math.Round(episodes.Confidence, 4),
            episodes.Days,
            new SequenceDetails(Math.Round(Quantiles.Median(gaps), 1)));
    }

    private sealed record Episodes(int[] Steps, int Count, IReadOnlyList<DateOnly> Days, List<double> Gaps, double Confidence);
}
