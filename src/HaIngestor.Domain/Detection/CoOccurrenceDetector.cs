using System.Globalization;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Directed co-occurrence of human actions: "A (entity:state) is followed by B (another entity:state)
/// within w seconds".
/// </summary>
/// <remarks>
/// Counted with one time-sorted sweep (<see cref="PairSweep"/>). For a pair A→B:
/// <list type="bullet">
/// <item><c>occurrences</c> = the A occurrences followed by at least one B within w;</item>
/// <item><c>confidence</c> = occurrences / all A occurrences = P(B within w | A);</item>
/// <item><c>support</c> = distinct local days with the pair / local days observed;</item>
/// <item><c>lift</c> = confidence / P(B within w after a random moment), the chance measured as the share
/// of the observed time covered by the windows [tB − w, tB) before B's occurrences; two busy entities that
/// are independent get a lift near 1 however often they meet.</item>
/// </list>
/// Only binary-like entities take part (see <see cref="ActivityTimeline"/>); entities[0] happens first.
/// </remarks>
public sealed class CoOccurrenceDetector(CoOccurrenceSettings settings) : TimelineDetector
{
    public const string TypeName = "co_occurrence";

    public CoOccurrenceDetector()
        : this(new CoOccurrenceSettings())
    {
    }

    public override string Name => TypeName;

    public CoOccurrenceSettings Settings { get; } = settings;

    public override IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates)
    {
        var timeline = ActivityTimeline.Build(aggregates, Settings.MaxStatesPerEntity);
        var window = Settings.WindowSeconds;
        var sweep = PairSweep.Run(timeline, timeline.HumanEvents, window);
        int[][]? byItem = null;
        var patterns = new List<Pattern>();

        foreach (var (first, then, tally) in sweep.Pairs)
        {
            if (tally.Count < Settings.MinCount || tally.Days < Settings.MinDays)
            {
                continue;
            }

            var confidence = sweep.Confidence(first, tally);
            var lift = sweep.Lift(first, then, tally);
            if (confidence < Settings.MinConfidence || lift < Settings.MinLift)
            {
                continue;
            }

            byItem ??= timeline.HumanEventsByItem();
            var dates = EvidenceDates.From(PairSweep.DaysFollowed(timeline, byItem[first], byItem[then], window));
            string[] entities = [Entity(timeline, first), Entity(timeline, then)];
            string[] states = [State(timeline, first), State(timeline, then)];
            patterns.Add(new Pattern(
                StableId.PatternId(TypeName, entities[0], states[0], entities[1], states[1], window.ToString("R", CultureInfo.InvariantCulture)),
                TypeName,
                entities,
                states,
                tally.Count,
                Math.Round(confidence, 4),
                dates,
                new CoOccurrenceDetails(window, Math.Round((double)dates.Count / timeline.ObservedDays, 4), Math.Round(lift, 3))));
        }

        return patterns.OrderByDescending(p => p.Confidence).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private static string Entity(ActivityTimeline timeline, int item) => timeline.EntityName(timeline.ItemEntity[item]);

    private static string State(ActivityTimeline timeline, int item) => timeline.StateName(timeline.ItemState[item]);
}
