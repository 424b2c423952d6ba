namespace HaIngestor.Domain.Detection;

/// <summary>
/// Decides on which days of the week a routine happens, from how often it happened on each of them.
/// A routine is reported for all days unless the data clearly says otherwise: the excluded days must be
/// rare (<see cref="TimeOfDaySettings.MaxOutsideRateFraction"/>) and there must have been enough of them
/// that their quiet is not chance (<see cref="TimeOfDaySettings.MaxSplitProbability"/>). Weekdays and weekends are preferred over
/// an explicit set when they describe the data nearly as well, so one missed Friday does not turn a
/// weekday routine into Monday to Thursday.
/// </summary>
public static class DayOfWeekSplit
{
    /// <summary>A named selection wins when its rate is at least this fraction of the explicit set's rate.</summary>
    private const double NamedSelectionTolerance = 0.75;

    /// <param name="occurrences">Occurrences per <see cref="DayOfWeek"/> (index 0 = Sunday).</param>
    /// <param name="eligible">Days in the window per <see cref="DayOfWeek"/> on which it could have happened.</param>
    /// <param name="settings">The thresholds.</param>
    public static DaySelection Choose(ReadOnlySpan<int> occurrences, ReadOnlySpan<int> eligible, TimeOfDaySettings settings)
    {
        if (occurrences.Length != 7 || eligible.Length != 7)
        {
            throw new ArgumentException("one count per day of the week is required");
        }

        var maxRate = 0.0;
        var knownDays = 0;
        for (var d = 0; d < 7; d++)
        {
            if (eligible[d] > 0)
            {
                knownDays++;
                maxRate = Math.Max(maxRate, (double)occurrences[d] / eligible[d]);
            }
        }

        if (maxRate <= 0)
        {
            return DaySelection.All;
        }

        var strong = new HashSet<DayOfWeek>();
        for (var d = 0; d < 7; d++)
        {
            if (eligible[d] > 0 && (double)occurrences[d] / eligible[d] >= settings.DayRateFraction * maxRate)
            {
                strong.Add((DayOfWeek)d);
            }
        }

        if (strong.Count == knownDays || RateIfDistinct(strong, occurrences, eligible, settings) is not { } strongRate)
        {
            return DaySelection.All;
        }

        foreach (var named in (ReadOnlySpan<DaySelection>)[DaySelection.Weekdays, DaySelection.Weekends])
        {
            if (RateIfDistinct(named.Days, occurrences, eligible, settings) is { } namedRate
                && namedRate >= NamedSelectionTolerance * strongRate)
            {
                return named;
            }
        }

        return new DaySelection(strong);
    }

    /// <summary>The rate inside <paramref name="days"/> when the days outside are clearly quieter, else null.</summary>
    private static double? RateIfDistinct(
        IReadOnlySet<DayOfWeek> days, ReadOnlySpan<int> occurrences, ReadOnlySpan<int> eligible, TimeOfDaySettings settings)
    {
        int inOcc = 0, inDays = 0, outOcc = 0, outDays = 0;
        for (var d = 0; d < 7; d++)
        {
            if (days.Contains((DayOfWeek)d))
            {
                inOcc += occurrences[d];
                inDays += eligible[d];
            }
            else
            {
                outOcc += occurrences[d];
                outDays += eligible[d];
            }
        }

        if (inDays == 0 || outDays == 0)
        {
            return null;
        }

        var inRate = (double)inOcc / inDays;
        var outRate = (double)outOcc / outDays;
        var everyDayRate = (double)(inOcc + outOcc) / (inDays + outDays);
        return outRate <= settings.MaxOutsideRateFraction * inRate
            && Binomial.AtMost(outOcc, outDays, everyDayRate) <= settings.MaxSplitProbability
            ? inRate
            : null;
    }
}
