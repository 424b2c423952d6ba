using HaIngestor.Domain.Events;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Decides whether a stored aggregate still stands for its day: it must have been made under the current
/// <see cref="AggregateFingerprint"/> of its kind, and no L1 append may have touched its day after it was made.
/// </summary>
public sealed class AggregateFreshness
{
    private readonly IReadOnlyDictionary<string, string> fingerprints;
    private readonly IReadOnlyDictionary<DateOnly, long> lastWrites;

    public AggregateFreshness(IReadOnlyDictionary<string, string> fingerprints, IReadOnlyDictionary<DateOnly, long> lastWrites)
    {
        this.fingerprints = fingerprints;
        this.lastWrites = lastWrites;
    }

    /// <summary>Freshness for the aggregates of <paramref name="aggregators"/> in <paramref name="home"/> against the L1 <paramref name="log"/>.</summary>
    public static AggregateFreshness For(IReadOnlyList<IAggregatingDetector> aggregators, HomeProfile home, L1WriteLog log) =>
        new(
            aggregators.ToDictionary(a => a.AggregateKind, a => AggregateFingerprint.Of(a, home), StringComparer.Ordinal),
            LastWriteByDay(log, home.Calendar));

    /// <summary>The current fingerprint of <paramref name="kind"/>.</summary>
    public string FingerprintOf(string kind) => fingerprints[kind];

    /// <summary>Whether the row may be used as it is.</summary>
    public bool IsCurrent(StoredAggregate row) =>
        fingerprints.TryGetValue(row.Kind, out var fingerprint)
        && string.Equals(row.Fingerprint, fingerprint, StringComparison.Ordinal)
        && !(lastWrites.TryGetValue(row.Date, out var written) && written > row.Sequence);

    /// <summary>Per local day, the highest sequence of an append with an event in one of its hours.</summary>
    public static IReadOnlyDictionary<DateOnly, long> LastWriteByDay(L1WriteLog log, HomeCalendar calendar)
    {
        var byDay = new Dictionary<DateOnly, long>();
        foreach (var hour in log.Hours)
        {
            // An hour can straddle local midnight (zones with half-hour offsets): it counts for both days.
            var first = LocalDays.DateOf(hour.Start, calendar);
            var last = LocalDays.DateOf(hour.End.AddTicks(-1), calendar);
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                byDay[date] = Math.Max(byDay.GetValueOrDefault(date), hour.Sequence);
            }
        }

        return byDay;
    }
}
