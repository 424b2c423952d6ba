namespace HaIngestor.Domain.Devices;

/// <summary>A set of times kept as disjoint closed ranges, oldest first, merged as they touch.</summary>
public sealed record TimeRanges(IReadOnlyList<TimeRange> Ranges)
{
    public static TimeRanges None { get; } = new([]);

    public bool Contains(DateTimeOffset time) => Contains(time, TimeSpan.Zero);

    /// <summary>Whether <paramref name="time"/> lies in a range widened by <paramref name="slack"/> on both sides.</summary>
    public bool Contains(DateTimeOffset time, TimeSpan slack)
    {
        foreach (var range in Ranges)
        {
            if (time >= range.From - slack && time <= range.To + slack)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The set with <paramref name="added"/> in it; ranges that overlap it or lie within <paramref name="joinGap"/> of it
    /// become one.
    /// </summary>
    public TimeRanges Add(TimeRange added, TimeSpan joinGap = default)
    {
        var from = added.From <= added.To ? added.From : added.To;
        var to = added.From <= added.To ? added.To : added.From;
        var result = new List<TimeRange>(Ranges.Count + 1);
        var placed = false;
        foreach (var range in Ranges)
        {
            if (range.To + joinGap < from)
            {
                result.Add(range);
            }
            else if (range.From - joinGap > to)
            {
                if (!placed)
                {
                    result.Add(new TimeRange(from, to));
                    placed = true;
                }

                result.Add(range);
            }
            else
            {
                from = range.From < from ? range.From : from;
                to = range.To > to ? range.To : to;
            }
        }

        if (!placed)
        {
            result.Add(new TimeRange(from, to));
        }

        return new TimeRanges(result);
    }
}
