using System.Runtime.InteropServices;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Directed "A then B within w" counts from one pass over time-sorted actions: each action A looks ahead
/// only as far as the window reaches, so the cost is events × actions-per-window, never all pairs. Every A
/// occurrence counts once per distinct B item that follows it (another entity, strictly later).
/// </summary>
internal sealed class PairSweep
{
    private readonly Dictionary<long, PairTally> _pairs;
    private readonly double[] _coverage;
    private readonly double _observedSeconds;

    private PairSweep(double window, Dictionary<long, PairTally> pairs, int[] occurrences, double[] coverage, double observedSeconds)
    {
        Window = window;
        _pairs = pairs;
        Occurrences = occurrences;
        _coverage = coverage;
        _observedSeconds = observedSeconds;
    }

    public double Window { get; }

    /// <summary>Occurrences of each item among the swept actions.</summary>
    public int[] Occurrences { get; }

    /// <summary>The ordered pairs seen at least once, with how often and on how many local days.</summary>
    public IEnumerable<(int First, int Then, PairTally Tally)> Pairs =>
        _pairs.Select(p => ((int)(p.Key >> 32), (int)(p.Key & 0xffffffff), p.Value));

    /// <summary>P(B within the window | A).</summary>
    public double Confidence(int first, PairTally tally) => (double)tally.Count / Occurrences[first];

    /// <summary>
    /// P(B within the window after a random instant): the share of the observed time covered by the union
    /// of the intervals [tB − w, tB) before B's occurrences. Dense B items get a high chance baseline.
    /// </summary>
    public double ChanceOf(int then) => Math.Min(1, _coverage[then] / _observedSeconds);

    /// <summary>Confidence over chance; 1 means B follows A no more often than it follows any moment.</summary>
    public double Lift(int first, int then, PairTally tally) => Confidence(first, tally) / Math.Max(ChanceOf(then), 1e-9);

    /// <param name="timeline">The cleaned window.</param>
    /// <param name="actions">Indices into the timeline, in time order; all must carry an item.</param>
    /// <param name="window">w, seconds.</param>
    public static PairSweep Run(ActivityTimeline timeline, IReadOnlyList<int> actions, double window)
    {
        var seconds = timeline.Seconds;
        var items = timeline.Item;
        var entities = timeline.Entity;
        var days = timeline.Day;
        var occurrences = new int[timeline.ItemCount];
        var coverage = new double[timeline.ItemCount];
        var previous = new double[timeline.ItemCount];
        var stamp = new int[timeline.ItemCount];
        Array.Fill(stamp, -1);
        var pairs = new Dictionary<long, PairTally>();

        for (var x = 0; x < actions.Count; x++)
        {
            var i = actions[x];
            var first = items[i];
            var at = seconds[i];
            coverage[first] += occurrences[first] == 0 ? window : Math.Min(window, at - previous[first]);
            occurrences[first]++;
            previous[first] = at;

            for (var y = x + 1; y < actions.Count; y++)
            {
                var j = actions[y];
                var gap = seconds[j] - at;
                if (gap > window)
                {
                    break;
                }

                var then = items[j];
                if (gap <= 0 || entities[j] == entities[i] || stamp[then] == x)
                {
                    continue;
                }

                stamp[then] = x;
                ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(pairs, ((long)first << 32) | (uint)then, out var seen);
                tally.Count++;
                if (!seen || tally.LastDay != days[i])
                {
                    tally.Days++;
                    tally.LastDay = days[i];
                }
            }
        }

        return new PairSweep(window, pairs, occurrences, coverage, timeline.ObservedSeconds);
    }

    /// <summary>The local days on which an occurrence of <paramref name="firstEvents"/> had one of <paramref name="thenEvents"/> within the window.</summary>
    public static List<int> DaysFollowed(ActivityTimeline timeline, int[] firstEvents, int[] thenEvents, double window)
    {
        var days = new List<int>();
        var k = 0;
        foreach (var i in firstEvents)
        {
            var at = timeline.Seconds[i];
            while (k < thenEvents.Length && timeline.Seconds[thenEvents[k]] <= at)
            {
                k++;
            }

            if (k < thenEvents.Length && timeline.Seconds[thenEvents[k]] - at <= window
                && (days.Count == 0 || days[^1] != timeline.Day[i]))
            {
                days.Add(timeline.Day[i]);
            }
        }

        return days;
    }
}
