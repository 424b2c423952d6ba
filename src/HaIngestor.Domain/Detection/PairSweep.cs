using System.Runtime.InteropServices;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Directed "A then B within w" counts from one pass over time-sorted actions: each action A looks ahead
/// only as far as the window reaches, so the cost is events × actions-per-window, never all pairs. Every A
/// occurrence counts once per distinct B item that follows it (another entity, strictly later).
/// </summary>
/// <remarks>
/// The items of the swept actions are renumbered densely; up to <see cref="MaxDenseItems"/> of them the
/// tallies live in one items × items array (each A's row is contiguous, so the inner loop stays in cache),
/// beyond that in a dictionary.
/// </remarks>
internal sealed class PairSweep
{
    private const int MaxDenseItems = 1400;

    private readonly int[] _items;
    private readonly int[] _localOfItem;
    private readonly PairTally[]? _dense;
    private readonly Dictionary<long, PairTally>? _sparse;
    private readonly int[] _occurrences;
    private readonly double[] _coverage;
    private readonly double _observedSeconds;

    private PairSweep(int[] items, int[] localOfItem, PairTally[]? dense, Dictionary<long, PairTally>? sparse, int[] occurrences, double[] coverage, double observedSeconds)
    {
        _items = items;
        _localOfItem = localOfItem;
        _dense = dense;
        _sparse = sparse;
        _occurrences = occurrences;
        _coverage = coverage;
        _observedSeconds = observedSeconds;
    }

    /// <summary>The ordered pairs (timeline item ids) seen at least once, with how often and on how many local days.</summary>
    public IEnumerable<(int First, int Then, PairTally Tally)> Pairs
    {
        get
        {
            if (_sparse is not null)
            {
                return _sparse.Select(p => (_items[(int)(p.Key >> 32)], _items[(int)(p.Key & 0xffffffff)], p.Value));
            }

            var n = _items.Length;
            var dense = _dense!;
            return Enumerable.Range(0, dense.Length)
                .Where(k => dense[k].Count > 0)
                .Select(k => (_items[k / n], _items[k % n], dense[k]));
        }
    }

    /// <summary>Occurrences of a timeline item among the swept actions.</summary>
    public int OccurrencesOf(int item) => _localOfItem[item] is var local and >= 0 ? _occurrences[local] : 0;

    /// <summary>P(B within the window | A).</summary>
    public double Confidence(int first, PairTally tally) => (double)tally.Count / OccurrencesOf(first);

    /// <summary>
    /// P(B within the window after a random instant): the share of the observed time covered by the union
    /// of the intervals [tB − w, tB) before B's occurrences. Dense B items get a high chance baseline.
    /// </summary>
    public double ChanceOf(int then) => _localOfItem[then] is var local and >= 0 ? Math.Min(1, _coverage[local] / _observedSeconds) : 0;

    /// <summary>Confidence over chance; 1 means B follows A no more often than it follows any moment.</summary>
    public double Lift(int first, int then, PairTally tally) => Confidence(first, tally) / Math.Max(ChanceOf(then), 1e-9);

    /// <param name="timeline">The cleaned window.</param>
    /// <param name="actions">Indices into the timeline, in time order; all must carry an item.</param>
    /// <param name="window">w, seconds.</param>
    public static PairSweep Run(ActivityTimeline timeline, int[] actions, double window)
    {
        var seconds = timeline.Seconds;
        var entities = timeline.Entity;
        var days = timeline.Day;
        var localOfItem = new int[timeline.ItemCount];
        Array.Fill(localOfItem, -1);
        var itemList = new List<int>();
        var local = new int[actions.Length];
        for (var x = 0; x < actions.Length; x++)
        {
            var item = timeline.Item[actions[x]];
            if (localOfItem[item] < 0)
            {
                localOfItem[item] = itemList.Count;
                itemList.Add(item);
            }

            local[x] = localOfItem[item];
        }

        var n = itemList.Count;
        var items = itemList.ToArray();

        var occurrences = new int[n];
        var coverage = new double[n];
        var previous = new double[n];
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var dense = n <= MaxDenseItems ? new PairTally[n * n] : null;
        var sparse = dense is null ? new Dictionary<long, PairTally>(PairKeyComparer.Instance) : null;

        for (var x = 0; x < actions.Length; x++)
        {
            var i = actions[x];
            var first = local[x];
            var at = seconds[i];
            var day = days[i];
            coverage[first] += occurrences[first] == 0 ? window : Math.Min(window, at - previous[first]);
            occurrences[first]++;
            previous[first] = at;

            for (var y = x + 1; y < actions.Length; y++)
            {
                var j = actions[y];
                var gap = seconds[j] - at;
                if (gap > window)
                {
                    break;
                }

                var then = local[y];
                if (gap <= 0 || entities[j] == entities[i] || stamp[then] == x)
                {
                    continue;
                }

                stamp[then] = x;
                if (dense is not null)
                {
                    Tally(ref dense[(first * n) + then], day);
                }
                else
                {
                    Tally(ref CollectionsMarshal.GetValueRefOrAddDefault(sparse!, ((long)first << 32) | (uint)then, out _), day);
                }
            }
        }

        return new PairSweep(items, localOfItem, dense, sparse, occurrences, coverage, timeline.ObservedSeconds);
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

    private static void Tally(ref PairTally tally, int day)
    {
        if (tally.Count == 0 || tally.LastDay != day)
        {
            tally.Days++;
            tally.LastDay = day;
        }

        tally.Count++;
    }
}
