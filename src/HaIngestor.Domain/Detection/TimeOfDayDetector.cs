using System.Globalization;
using System.Runtime.InteropServices;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Finds routines at a local time of day: "light.kitchen goes on around 07:00 on weekdays".
/// <para>
/// Evidence is human only: manual changes to a discrete state (no automations, no system placeholders,
/// no repeated states, no measurements). Per entity and state, local minutes (home time zone, DST-correct)
/// go on the 24-hour circle. A histogram counts, per minute of the day, the days with an event within
/// ± <see cref="TimeOfDaySettings.PeakHalfWidthMinutes"/>; the highest peak is taken, its events gathered,
/// their circular mean and spread computed, then the events the cluster gathered are removed and the next peak
/// is taken, so one entity and state can have several routines. When the weekday and the weekend days of a
/// cluster keep clearly different times (<see cref="TimeOfDaySettings.DayTypeShiftMinutes"/>), each day type is
/// gathered again around its own time and judged as a routine of its own. An occurrence is one day: events of a cluster near midnight
/// belong to the day of the cluster's centre, and several events of one day count once (their mean stands for
/// the day in the mean and spread).
/// </para>
/// <para>
/// A cluster becomes a pattern when it was seen on at least <see cref="TimeOfDaySettings.MinOccurrences"/>
/// days and on at least <see cref="TimeOfDaySettings.MinDayFraction"/> of its eligible days, its spread is at
/// most <see cref="TimeOfDaySettings.MaxSpreadMinutes"/>, and it holds clearly more days than the entity's
/// own events would put in the same span of minutes by chance (<see cref="TimeOfDaySettings.MinLift"/>,
/// <see cref="TimeOfDaySettings.MaxChanceProbability"/>): this is what keeps random toggling out.
/// Eligible days are the local dates of the window, of the chosen days of the week, on which the entity
/// existed (between its first and last event of any origin) at the routine's time.
/// </para>
/// <para>
/// Confidence = rate × (1 − ½ · spread / MaxSpreadMinutes), where rate = occurrences / eligible days (at
/// most 1): a routine kept every eligible day to the minute scores 1; one kept every day with the largest
/// allowed spread scores 0.5.
/// </para>
/// <para>
/// The id is <c>tod-</c> + <see cref="StableId"/> of entity, state, days and the local time rounded to the
/// nearest half hour, so the same routine keeps its id from run to run while its mean wobbles.
/// </para>
/// </summary>
public sealed class TimeOfDayDetector : IAggregatingDetector
{
    public const string TypeName = "time_of_day";

    /// <summary>The narrowest radius a cluster is gathered with after its spread is known, minutes.</summary>
    private const int MinRefinedRadius = 10;

    /// <summary>A cluster is regathered within this many spreads of its mean.</summary>
    private const double RefinedRadiusSpreads = 2.5;

    private readonly TimeOfDaySettings _settings;
    private readonly HashSet<string> _ignoredDomains;

    public TimeOfDayDetector()
        : this(new TimeOfDaySettings())
    {
    }

    public TimeOfDayDetector(TimeOfDaySettings settings)
    {
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid time_of_day settings: " + string.Join("; ", errors), nameof(settings));
        }

        _settings = settings;
        _ignoredDomains = new HashSet<string>(settings.IgnoredDomains, StringComparer.Ordinal);
    }

    public string Name => TypeName;

    public DetectorGroup Group => DetectorGroup.A;

    public TimeOfDaySettings Settings => _settings;

    public string AggregateKind => TimeOfDayDay.KindName;

    /// <summary>Only the ignored domains decide what a day's record keeps; the thresholds act on the records.</summary>
    public string AggregationSettings => "ignored_domains=" + string.Join(',', _ignoredDomains.Order(StringComparer.Ordinal));

    public IDayFold StartDay(DateOnly date, HomeProfile home) =>
        new TimeOfDayDayFold(date, home.Calendar.CreateConverter(), _ignoredDomains);

    public IReadOnlyList<Pattern> Detect(DetectionContext context) => DetectFromAggregates(AggregateWindow.Of(this, context));

    public IReadOnlyList<Pattern> DetectFromAggregates(AggregateWindow aggregates)
    {
        var converter = aggregates.Home.Calendar.CreateConverter();
        var entities = CollectHumanEvents(aggregates.DaysOf<TimeOfDayDay>());
        var window = new Window(
            converter.ToLocalMinuteStamp(aggregates.WindowStart),
            converter.ToLocalMinuteStamp(aggregates.WindowEnd));
        if (window.EndStamp <= window.StartStamp)
        {
            return [];
        }

        var patterns = new List<Pattern>();
        var scratch = new Scratch();
        foreach (var (entityId, entity) in entities.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (entity.States is null)
            {
                continue;
            }

            var existence = new Window(converter.ToLocalMinuteStamp(entity.First), converter.ToLocalMinuteStamp(entity.Last) + 1);
            foreach (var (state, stamps) in entity.States.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                FindRoutines(entityId, state, stamps, window, existence, scratch, patterns);
            }
        }

        return patterns;
    }

    /// <summary>The days' human events per entity and state; an entity's existence spans all its days.</summary>
    private Dictionary<string, EntityEvents> CollectHumanEvents(IEnumerable<TimeOfDayDay> days)
    {
        var entities = new Dictionary<string, EntityEvents>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            foreach (var e in day.Entities)
            {
                ref var entity = ref CollectionsMarshal.GetValueRefOrAddDefault(entities, e.EntityId, out var exists);
                if (!exists)
                {
                    var domain = e.EntityId.IndexOf('.') is var dot and > 0 ? e.EntityId[..dot] : e.EntityId;
                    entity = new EntityEvents(domain, _ignoredDomains.Contains(domain), Instant(e.FirstTicks));
                }

                entity!.Saw(Instant(e.FirstTicks));
                entity.Saw(Instant(e.LastTicks));
                if (entity.Ignored)
                {
                    continue;
                }

                foreach (var state in e.States)
                {
                    entity.Add(state.State, state.Stamps);
                }
            }
        }

        return entities;
    }

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private void FindRoutines(
        string entityId, string state, List<long> stampList, Window window, Window existence, Scratch scratch, List<Pattern> patterns)
    {
        if (stampList.Count < _settings.MinOccurrences)
        {
            return;
        }

        var stamps = CollectionsMarshal.AsSpan(stampList);
        stamps.Sort();
        var days = EventsPerDay(stamps);
        if (days.Count < _settings.MinOccurrences)
        {
            return;
        }

        var minutes = new int[stamps.Length];
        for (var i = 0; i < stamps.Length; i++)
        {
            minutes[i] = (int)(stamps[i] % CircularTime.MinutesPerDay);
        }

        var removed = new bool[stamps.Length];
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Keep(Pattern? pattern)
        {
            if (pattern is not null && found.Add(pattern.Id))
            {
                patterns.Add(pattern);
            }
        }

        for (var round = 0; round < _settings.MaxClustersPerState; round++)
        {
            var peak = HighestPeak(stamps, removed, scratch.Coverage, out var peakDays);
            if (peakDays < _settings.MinOccurrences)
            {
                return;
            }

            var cluster = Cluster(stamps, minutes, removed, peak, null, scratch);
            if (cluster is { } merged)
            {
                if (DayTypeMeans(scratch) is not { } split)
                {
                    Keep(Evaluate(entityId, state, merged, scratch.OccurrenceDays, days, window, existence));
                }
                else
                {
                    // Each day type is gathered again around its own time, so that the weekend part of a cluster
                    // found from the weekday peak is not cut off at the weekday cluster's radius.
                    foreach (var (weekend, centre) in (ReadOnlySpan<(bool, int)>)[(false, split.Weekdays), (true, split.Weekends)])
                    {
                        if (Cluster(stamps, minutes, removed, centre, weekend, scratch) is { } part)
                        {
                            Keep(Evaluate(entityId, state, part, scratch.OccurrenceDays, days.Where(d => IsWeekend(d.Day) == weekend).ToList(), window, existence));
                            Remove(stamps, minutes, removed, part.Centre, part.Radius, weekend);
                        }
                    }
                }

                Remove(stamps, minutes, removed, merged.Centre, merged.Radius, null);
            }

            Remove(stamps, minutes, removed, peak, _settings.PeakHalfWidthMinutes, null);
        }
    }

    /// <summary>
    /// Gathers the active events within the cluster radius of <paramref name="centre"/>, then again within a radius
    /// fitted to their spread around their mean; null when nothing is there. Only events of one day type when
    /// <paramref name="weekend"/> is set. The occurrence days and minutes are left in the scratch buffers.
    /// </summary>
    private TimeCluster? Cluster(ReadOnlySpan<long> stamps, int[] minutes, bool[] removed, int centre, bool? weekend, Scratch scratch)
    {
        var (mean, spread) = Gather(stamps, minutes, removed, centre, _settings.ClusterRadiusMinutes, weekend, scratch);
        if (double.IsNaN(mean))
        {
            return null;
        }

        var radius = Math.Clamp((int)Math.Ceiling(RefinedRadiusSpreads * spread), MinRefinedRadius, _settings.ClusterRadiusMinutes);
        (mean, spread) = Gather(stamps, minutes, removed, (int)Math.Round(mean) % CircularTime.MinutesPerDay, radius, weekend, scratch);
        return double.IsNaN(mean) ? null : new TimeCluster(mean, spread, (int)Math.Round(mean) % CircularTime.MinutesPerDay, radius);
    }

    /// <summary>
    /// The mean local times of the weekday and the weekend days of the cluster in the scratch buffers when they are
    /// two routines: both day types seen on enough days, their times apart by at least
    /// <see cref="TimeOfDaySettings.DayTypeShiftMinutes"/> and <see cref="TimeOfDaySettings.DayTypeShiftSigmas"/>
    /// standard errors; otherwise null.
    /// </summary>
    private (int Weekdays, int Weekends)? DayTypeMeans(Scratch scratch)
    {
        var weekdays = new List<double>();
        var weekends = new List<double>();
        for (var i = 0; i < scratch.Minutes.Count; i++)
        {
            (IsWeekend(scratch.OccurrenceDays[i]) ? weekends : weekdays).Add(scratch.Minutes[i]);
        }

        if (weekdays.Count < _settings.MinOccurrences || weekends.Count < _settings.MinOccurrences)
        {
            return null;
        }

        var (weekdayMean, weekdaySpread) = CircularTime.MeanAndSpread(CollectionsMarshal.AsSpan(weekdays));
        var (weekendMean, weekendSpread) = CircularTime.MeanAndSpread(CollectionsMarshal.AsSpan(weekends));
        if (double.IsNaN(weekdayMean) || double.IsNaN(weekendMean))
        {
            return null;
        }

        // A floor of one minute keeps identical times from making any difference "significant".
        var standardError = Math.Sqrt((Math.Pow(Math.Max(weekdaySpread, 1), 2) / weekdays.Count) + (Math.Pow(Math.Max(weekendSpread, 1), 2) / weekends.Count));
        var shift = Math.Abs(CircularTime.Difference(weekdayMean, weekendMean));
        return shift >= _settings.DayTypeShiftMinutes && shift >= _settings.DayTypeShiftSigmas * standardError
            ? ((int)Math.Round(weekdayMean) % CircularTime.MinutesPerDay, (int)Math.Round(weekendMean) % CircularTime.MinutesPerDay)
            : null;
    }

    private static bool IsWeekend(long dayNumber) => DayOf(dayNumber) is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The minute of the day with the most days having an event within the peak half width.</summary>
    private int HighestPeak(ReadOnlySpan<long> stamps, bool[] removed, int[] coverage, out int peakDays)
    {
        const int day = CircularTime.MinutesPerDay;
        var h = _settings.PeakHalfWidthMinutes;
        Array.Clear(coverage);
        var everywhere = 0;
        long start = 0, end = -1;
        var open = false;

        // Intervals [t-h, t+h] on the absolute local-minute axis are merged, so each absolute minute (one
        // day at one minute of the day) counts once however many events cover it.
        for (var i = 0; i < stamps.Length; i++)
        {
            if (removed[i])
            {
                continue;
            }

            var from = stamps[i] - h;
            var to = stamps[i] + h;
            if (open && from <= end + 1)
            {
                end = Math.Max(end, to);
                continue;
            }

            if (open)
            {
                everywhere += AddCircular(coverage, start, end - start + 1);
            }

            (start, end, open) = (from, to, true);
        }

        if (open)
        {
            everywhere += AddCircular(coverage, start, end - start + 1);
        }

        var best = 0;
        var running = 0;
        var bestValue = int.MinValue;
        for (var m = 0; m < day; m++)
        {
            running += coverage[m];
            if (running > bestValue)
            {
                (bestValue, best) = (running, m);
            }
        }

        peakDays = bestValue + everywhere;
        return best;
    }

    /// <summary>Adds one to every minute of the day covered by [start, start+length) as a difference array; returns the whole turns.</summary>
    private static int AddCircular(int[] diff, long start, long length)
    {
        const int day = CircularTime.MinutesPerDay;
        var turns = (int)(length / day);
        var rest = (int)(length % day);
        if (rest == 0)
        {
            return turns;
        }

        var first = (int)(start % day);
        var last = first + rest;
        diff[first]++;
        if (last < day)
        {
            diff[last]--;
        }
        else
        {
            diff[0]++;
            diff[last - day]--;
        }

        return turns;
    }

    /// <summary>
    /// Collects the active events within <paramref name="radius"/> of <paramref name="centre"/> by occurrence
    /// day (the day whose centre instant is nearest) into the scratch buffers, one minute per day (the mean of
    /// that day's events); returns the circular mean and spread of those minutes.
    /// </summary>
    private static (double Mean, double Spread) Gather(
        ReadOnlySpan<long> stamps, int[] minutes, bool[] removed, int centre, int radius, bool? weekend, Scratch scratch)
    {
        const int day = CircularTime.MinutesPerDay;
        scratch.Minutes.Clear();
        scratch.OccurrenceDays.Clear();
        var currentDay = long.MinValue;
        long offsetSum = 0;
        var count = 0;
        for (var i = 0; i < stamps.Length; i++)
        {
            if (removed[i])
            {
                continue;
            }

            var offset = CircularTime.Difference(centre, minutes[i]);
            if (Math.Abs(offset) > radius)
            {
                continue;
            }

            var occurrenceDay = (stamps[i] - centre + day / 2) / day;
            if (weekend is { } wanted && IsWeekend(occurrenceDay) != wanted)
            {
                continue;
            }

            if (occurrenceDay != currentDay)
            {
                Flush();
                (currentDay, offsetSum, count) = (occurrenceDay, 0, 0);
            }

            offsetSum += offset;
            count++;
        }

        Flush();
        return CircularTime.MeanAndSpread(CollectionsMarshal.AsSpan(scratch.Minutes));

        // Offsets within one radius (at most six hours) of the centre never wrap, so their plain mean is exact.
        void Flush()
        {
            if (count > 0)
            {
                scratch.Minutes.Add(CircularTime.Normalise(centre + (double)offsetSum / count));
                scratch.OccurrenceDays.Add(currentDay);
            }
        }
    }

    /// <summary>
    /// Marks the events within <paramref name="radius"/> of <paramref name="centre"/> as used (of one day type, by
    /// occurrence day, when <paramref name="weekend"/> is set). Only what a cluster gathered is used up, so a
    /// neighbouring routine of other days (weekends an hour later) stays for the next round.
    /// </summary>
    private static void Remove(ReadOnlySpan<long> stamps, int[] minutes, bool[] removed, int centre, int radius, bool? weekend)
    {
        const int day = CircularTime.MinutesPerDay;
        for (var i = 0; i < minutes.Length; i++)
        {
            if (Math.Abs(CircularTime.Difference(centre, minutes[i])) <= radius
                && (weekend is not { } wanted || IsWeekend((stamps[i] - centre + day / 2) / day) == wanted))
            {
                removed[i] = true;
            }
        }
    }

    private Pattern? Evaluate(
        string entityId,
        string state,
        TimeCluster cluster,
        List<long> occurrenceDays,
        List<(long Day, int Events)> eventsPerDay,
        Window window,
        Window existence)
    {
        var (mean, spread, _, radius) = cluster;
        if (spread > _settings.MaxSpreadMinutes || occurrenceDays.Count < _settings.MinOccurrences)
        {
            return null;
        }

        if (!StandsOutFromChance(occurrenceDays.Count, eventsPerDay, 2 * radius + 1))
        {
            return null;
        }

        var minute = (int)Math.Round(mean) % CircularTime.MinutesPerDay;
        Span<int> eligible = stackalloc int[7];
        Span<int> occurred = stackalloc int[7];
        var from = Math.Max(window.StartStamp, existence.StartStamp - _settings.ClusterRadiusMinutes);
        var to = Math.Min(window.EndStamp, existence.EndStamp + _settings.ClusterRadiusMinutes);
        for (var d = window.StartStamp / CircularTime.MinutesPerDay; d <= (window.EndStamp - 1) / CircularTime.MinutesPerDay; d++)
        {
            var at = d * CircularTime.MinutesPerDay + minute;
            if (at >= from && at < to)
            {
                eligible[(int)DayOf(d)]++;
            }
        }

        foreach (var d in occurrenceDays)
        {
            occurred[(int)DayOf(d)]++;
        }

        var days = DayOfWeekSplit.Choose(occurred, eligible, _settings);
        var dates = new List<DateOnly>(occurrenceDays.Count);
        foreach (var d in occurrenceDays)
        {
            if (days.Contains(DayOf(d)))
            {
                dates.Add(DateOnly.FromDayNumber((int)d));
            }
        }

        var eligibleDays = 0;
        for (var d = 0; d < 7; d++)
        {
            eligibleDays += days.Contains((DayOfWeek)d) ? eligible[d] : 0;
        }

        var rate = eligibleDays == 0 ? 0 : Math.Min(1.0, (double)dates.Count / eligibleDays);
        if (dates.Count < _settings.MinOccurrences || rate < _settings.MinDayFraction)
        {
            return null;
        }

        var confidence = Math.Clamp(rate * (1 - 0.5 * spread / _settings.MaxSpreadMinutes), 0, 1);
        var halfHour = (minute + 15) / 30 % 48;
        var id = "tod-" + StableId.Of(entityId, state, days.ToString(), halfHour.ToString(CultureInfo.InvariantCulture));
        return new Pattern(
            id,
            TypeName,
            [entityId],
            [state],
            dates.Count,
            Math.Round(confidence, 4),
            dates,
            new TimeOfDayDetails(minute, Math.Round(spread, 1), days));
    }

    /// <summary>
    /// Whether <paramref name="days"/> days with an event in one span of <paramref name="width"/> minutes is more
    /// than the entity's own events would give by chance: a lift of at least <see cref="TimeOfDaySettings.MinLift"/>
    /// over the expected number of days, and a binomial tail, multiplied by the number of such spans in a day
    /// (the peak was the best of them), of at most <see cref="TimeOfDaySettings.MaxChanceProbability"/>.
    /// </summary>
    private bool StandsOutFromChance(int days, List<(long Day, int Events)> eventsPerDay, int width)
    {
        var miss = 1 - Math.Min(1.0, (double)width / CircularTime.MinutesPerDay);
        var expected = 0.0;
        foreach (var (_, events) in eventsPerDay)
        {
            expected += 1 - Math.Pow(miss, events);
        }

        if (days < _settings.MinLift * expected)
        {
            return false;
        }

        var spans = (double)CircularTime.MinutesPerDay / width;
        var chance = Binomial.AtLeast(days, eventsPerDay.Count, expected / eventsPerDay.Count);
        return chance * spans <= _settings.MaxChanceProbability;
    }

    private static List<(long Day, int Events)> EventsPerDay(ReadOnlySpan<long> sortedStamps)
    {
        var days = new List<(long, int)>();
        var current = long.MinValue;
        var count = 0;
        foreach (var stamp in sortedStamps)
        {
            var day = stamp / CircularTime.MinutesPerDay;
            if (day != current)
            {
                if (count > 0)
                {
                    days.Add((current, count));
                }

                (current, count) = (day, 0);
            }

            count++;
        }

        if (count > 0)
        {
            days.Add((current, count));
        }

        return days;
    }

    private static DayOfWeek DayOf(long dayNumber) => DateOnly.FromDayNumber((int)dayNumber).DayOfWeek;

    /// <summary>A gathered cluster: circular mean and spread of its days' times, and the centre and radius it was gathered with.</summary>
    private readonly record struct TimeCluster(double Mean, double Spread, int Centre, int Radius);

    /// <summary>[StartStamp, EndStamp) in local minute stamps (see <see cref="LocalTimeConverter.ToLocalMinuteStamp"/>).</summary>
    private readonly record struct Window(long StartStamp, long EndStamp);

    /// <summary>Buffers reused across clusters, so the inner loops allocate nothing.</summary>
    private sealed class Scratch
    {
        public int[] Coverage { get; } = new int[CircularTime.MinutesPerDay];

        public List<double> Minutes { get; } = [];

        public List<long> OccurrenceDays { get; } = [];
    }

    /// <summary>One entity's human events per behaviour state, and when the entity was seen at all.</summary>
    private sealed class EntityEvents(string domain, bool ignored, DateTimeOffset firstSeen)
    {
        public string Domain { get; } = domain;

        public bool Ignored { get; } = ignored;

        public DateTimeOffset First { get; private set; } = firstSeen;

        public DateTimeOffset Last { get; private set; } = firstSeen;

        public Dictionary<string, List<long>>? States { get; private set; }

        public void Saw(DateTimeOffset time)
        {
            if (time < First)
            {
                First = time;
            }

            if (time > Last)
            {
                Last = time;
            }
        }

        public void Add(string state, long[] stamps)
        {
            States ??= new Dictionary<string, List<long>>(StringComparer.Ordinal);
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(States, state, out _);
            list ??= [];
            list.AddRange(stamps);
        }
    }
}
