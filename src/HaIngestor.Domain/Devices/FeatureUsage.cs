namespace HaIngestor.Domain.Devices;

/// <summary>How one property of a device has been used.</summary>
/// <param name="ChangeCount">How many times its value changed, ever; the sum of <paramref name="ByOrigin"/>.</param>
/// <param name="LastValue">Last value as JSON text.</param>
/// <param name="LastChanged">When it last changed, UTC.</param>
/// <param name="DistinctValues">Distinct values seen (capped, see <see cref="DeviceSnapshot.MaxDistinctValues"/>).</param>
/// <param name="ByOrigin">The changes by who caused them.</param>
/// <param name="Days">Changes per local day, oldest first, only days with changes, pruned to the days kept.</param>
public sealed record FeatureUsage(
    long ChangeCount,
    string? LastValue,
    DateTimeOffset? LastChanged,
    IReadOnlyList<string> DistinctValues,
    OriginCounts ByOrigin,
    IReadOnlyList<DailyUsage> Days)
{
    public static FeatureUsage Unused { get; } = new(0, null, null, [], OriginCounts.None, []);

    /// <summary>The changes on the local days of <paramref name="window"/>, by origin.</summary>
    public OriginCounts In(UsageWindow window)
    {
        var counts = OriginCounts.None;
        foreach (var day in Days)
        {
            if (window.Contains(day.Day))
            {
                counts = counts.Add(day.Counts);
            }
        }

        return counts;
    }

    /// <summary>Changes within <paramref name="window"/>, or ever when it is null.</summary>
    public long ChangesIn(UsageWindow? window) => window is null ? ChangeCount : In(window).Total;

    /// <summary>
    /// One more change of <paramref name="origin"/> on <paramref name="day"/>; days before the <paramref name="daysKept"/>
    /// days ending with the newest day are dropped (a change older than those still counts in the totals).
    /// </summary>
    public FeatureUsage Count(UsageOrigin origin, DateOnly day, int daysKept)
    {
        var days = new List<DailyUsage>(Days.Count + 1);
        var newest = Days.Count > 0 && Days[^1].Day > day ? Days[^1].Day : day;
        var oldestKept = newest.AddDays(1 - Math.Max(1, daysKept));
        var placed = day < oldestKept;
        foreach (var existing in Days)
        {
            if (!placed && existing.Day >= day)
            {
                placed = true;
                if (existing.Day == day)
                {
                    days.Add(existing with { Counts = existing.Counts.Add(origin) });
                    continue;
                }

                days.Add(new DailyUsage(day, OriginCounts.Of(origin, 1)));
            }

            if (existing.Day >= oldestKept)
            {
                days.Add(existing);
            }
        }

        if (!placed)
        {
            days.Add(new DailyUsage(day, OriginCounts.Of(origin, 1)));
        }

        return this with { ChangeCount = ChangeCount + 1, ByOrigin = ByOrigin.Add(origin), Days = days };
    }
}
