namespace HaIngestor.Domain.Detection;

/// <summary>Thresholds of the time_of_day detector; the daemon binds them from configuration.</summary>
public sealed record TimeOfDaySettings
{
    /// <summary>Fewest distinct days a routine must be seen on (within its days of the week).</summary>
    public int MinOccurrences { get; init; } = 4;

    /// <summary>Fewest occurrences as a fraction of the eligible days of its days of the week.</summary>
    public double MinDayFraction { get; init; } = 0.3;

    /// <summary>Largest circular standard deviation of the local times, minutes.</summary>
    public double MaxSpreadMinutes { get; init; } = 45;

    /// <summary>Half width of the window that finds peaks: days with an event within ± this many minutes.</summary>
    public int PeakHalfWidthMinutes { get; init; } = 20;

    /// <summary>Events within ± this many minutes of a peak belong to its cluster.</summary>
    public int ClusterRadiusMinutes { get; init; } = 60;

    /// <summary>
    /// Fewest times more days a cluster must hold than the same entity's events would put there by chance;
    /// this is what keeps random toggling from becoming a routine.
    /// </summary>
    public double MinLift { get; init; } = 2.0;

    /// <summary>
    /// Largest chance that the entity's own events, spread at random over the day, would fill some span of
    /// the day on as many days as the cluster does (binomial tail times the number of such spans in a day).
    /// </summary>
    public double MaxChanceProbability { get; init; } = 0.001;

    /// <summary>
    /// A day of the week belongs to a routine when its rate is at least this fraction of the best day's rate.
    /// </summary>
    public double DayRateFraction { get; init; } = 0.5;

    /// <summary>A routine is restricted to some days only when the other days' rate is at most this fraction of theirs.</summary>
    public double MaxOutsideRateFraction { get; init; } = 0.25;

    /// <summary>
    /// A routine is restricted to some days only when so few occurrences on the other days would happen by
    /// chance with at most this probability, had it run on every day at its overall rate (binomial test);
    /// with less data it is reported for all days.
    /// </summary>
    public double MaxSplitProbability { get; init; } = 0.01;

    /// <summary>
    /// A cluster whose weekday and weekend days keep different times (blinds opened at 06:35 on weekdays and at
    /// 07:30 at weekends) is two routines when their mean times differ by at least this many minutes …
    /// </summary>
    public double DayTypeShiftMinutes { get; init; } = 15;

    /// <summary>… and by at least this many standard errors of that difference, so chance differences keep one routine.</summary>
    public double DayTypeShiftSigmas { get; init; } = 3;

    /// <summary>At most this many clusters are examined per entity and state.</summary>
    public int MaxClustersPerState { get; init; } = 12;

    /// <summary>Domains whose changes never describe a person's routine.</summary>
    public IReadOnlyList<string> IgnoredDomains { get; init; } =
        ["sun", "weather", "update", "automation", "script", "zone", "calendar"];

    /// <summary>The reasons the settings cannot be used; empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinOccurrences < 1)
        {
            errors.Add($"{nameof(MinOccurrences)} must be at least 1");
        }

        if (MinDayFraction is < 0 or > 1)
        {
            errors.Add($"{nameof(MinDayFraction)} must be between 0 and 1");
        }

        if (MaxSpreadMinutes <= 0)
        {
            errors.Add($"{nameof(MaxSpreadMinutes)} must be positive");
        }

        if (PeakHalfWidthMinutes is < 1 or > 180)
        {
            errors.Add($"{nameof(PeakHalfWidthMinutes)} must be between 1 and 180");
        }

        if (ClusterRadiusMinutes < PeakHalfWidthMinutes || ClusterRadiusMinutes > 360)
        {
            errors.Add($"{nameof(ClusterRadiusMinutes)} must be between {nameof(PeakHalfWidthMinutes)} and 360");
        }

        if (MinLift < 1)
        {
            errors.Add($"{nameof(MinLift)} must be at least 1");
        }

        if (DayRateFraction is <= 0 or > 1 || MaxOutsideRateFraction is < 0 or >= 1)
        {
            errors.Add($"{nameof(DayRateFraction)} must be in (0, 1] and {nameof(MaxOutsideRateFraction)} in [0, 1)");
        }

        if (MaxChanceProbability is <= 0 or > 1)
        {
            errors.Add($"{nameof(MaxChanceProbability)} must be in (0, 1]");
        }

        if (MaxSplitProbability is <= 0 or > 1)
        {
            errors.Add($"{nameof(MaxSplitProbability)} must be in (0, 1]");
        }

        if (DayTypeShiftMinutes < 0 || DayTypeShiftSigmas < 0)
        {
            errors.Add($"{nameof(DayTypeShiftMinutes)} and {nameof(DayTypeShiftSigmas)} must not be negative");
        }

        if (MaxClustersPerState < 1)
        {
            errors.Add($"{nameof(MaxClustersPerState)} must be at least 1");
        }

        return errors;
    }
}
