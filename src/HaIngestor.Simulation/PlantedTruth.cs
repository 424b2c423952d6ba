using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Evaluation;
using HaIngestor.Domain.Time;

namespace HaIngestor.Simulation;

/// <summary>
/// Derives the truth of every Group A pattern kind from the planted activities, noise and anomalies (never from
/// detector output). Each step's time is start + offset + (start jitter if it follows the start) + its own
/// jitter, all normal, so the pause between two steps is normal with a known σ; an activity happens on a
/// share (days of the week / 7) × (1 − skip) of the days.
/// <list type="bullet">
/// <item>time_of_day: one entry per step (<see cref="PlantedRoutine"/>); an automation's steps are not human.</item>
/// <item>co_occurrence: ordered pairs of human actions on different entities; the planted confidence is the
/// rate at which a step A of an activity has B within the window after it, divided by the rate of A from every
/// source (activities, noise, anomalies).</item>
/// <item>sequence: an activity's steps in nominal order, cut where a pause exceeds the sequence gap; runs over two
/// or more entities. Required when some ordered pair in the run has a required confidence within that gap.</item>
/// <item>duration: per entity and on-like state, the mixture of every planted on-time (an on step followed by the
/// same entity's off step, normal; a noise session, uniform between its hold times), by rate.</item>
/// <item>room: per area, the entities an activity switches on within the room window of each other, merged over
/// activities through shared entities.</item>
/// <item>anomaly: the planted anomalies on the local dates of the window.</item>
/// </list>
/// </summary>
public static class PlantedTruth
{
    public static TruthSet Derive(SimulatedHome home, DateTimeOffset startUtc, int days, TruthDefinitions? definitions = null)
    {
        var d = definitions ?? new TruthDefinitions();
        var rates = ActionRates(home);
        var entries = new List<TruthEntry>();
        entries.AddRange(home.Routines.Select(TimeOfDay));
        entries.AddRange(CoOccurrences(home, rates, d));
        entries.AddRange(Sequences(home, rates, d));
        entries.AddRange(Durations(home, d));
        entries.AddRange(Rooms(home, d));
        entries.AddRange(Anomalies(home, startUtc, days, d));
        return new TruthSet(home.Name, home.TimeZoneId, home.Seed, entries);
    }

    /// <summary>On-like states of the simulated entities.</summary>
    internal static bool IsOn(string state) => state is "on" or "open" or "heat";

    /// <summary>Off-like states of the simulated entities.</summary>
    internal static bool IsOff(string state) => state is "off" or "closed";

    private static TruthEntry TimeOfDay(PlantedRoutine routine) => new(
        TimeOfDayDetector.TypeName,
        routine.ActivityId,
        [routine.EntityId],
        [routine.State],
        routine.Human,
        routine.Human,
        new TimeOfDayTruth((routine.LocalTime.Hour * 60) + routine.LocalTime.Minute, routine.Days, routine.JitterMinutes, routine.SkipProbability));

    private static double PerDay(PlantedActivity activity) => activity.Days.Days.Count / 7.0 * (1 - activity.SkipProbability);

    private static IEnumerable<PlantedActivity> HumanActivities(SimulatedHome home) => home.Activities.Where(a => a.Actor == Actor.Person);

    /// <summary>Human actions per day of each entity and state, from every source.</summary>
    private static Dictionary<(string Entity, string State), double> ActionRates(SimulatedHome home)
    {
        var rates = new Dictionary<(string, string), double>();
        void Add(string entity, string state, double perDay) => rates[(entity, state)] = rates.GetValueOrDefault((entity, state)) + perDay;

        foreach (var activity in HumanActivities(home))
        {
            foreach (var step in activity.Steps)
            {
                Add(step.EntityId, step.State, PerDay(activity));
            }
        }

        foreach (var noise in home.Noise.Where(n => n.Actor == Actor.Person))
        {
            if (noise.Shape == NoiseShape.Session)
            {
                Add(noise.EntityId, noise.States[0], noise.PerDay);
                Add(noise.EntityId, noise.States[1], noise.PerDay);
            }
            else
            {
                foreach (var state in noise.States)
                {
                    Add(noise.EntityId, state, noise.PerDay / noise.States.Count);
                }
            }
        }

        foreach (var anomaly in home.Anomalies.Where(a => a.Activity is null))
        {
            Add(anomaly.EntityId, anomaly.OnState, 1.0 / anomaly.EveryDays);
            Add(anomaly.EntityId, anomaly.OffState, 1.0 / anomaly.EveryDays);
        }

        return rates;
    }

    /// <summary>σ of the pause between two steps of one activity, seconds.</summary>
    private static double GapSigma(PlantedActivity activity, PlantedStep first, PlantedStep then)
    {
        var shared = first.FollowsStart != then.FollowsStart ? activity.JitterMinutes * activity.JitterMinutes : 0;
        return 60 * Math.Sqrt(shared + (first.JitterMinutes * first.JitterMinutes) + (then.JitterMinutes * then.JitterMinutes));
    }

    /// <summary>P(0 &lt; pause ≤ window) for a normal pause.</summary>
    private static double WithinWindow(double gap, double sigma, double window) =>
        sigma <= 0
            ? (gap > 0 && gap <= window ? 1 : 0)
            : Normal.Cdf((window - gap) / sigma) - Normal.Cdf(-gap / sigma);

    /// <summary>
    /// Per ordered pair of human actions on different entities: the planted P(B within the window | A) and the
    /// shortest nominal pause.
    /// </summary>
    private static Dictionary<((string Entity, string State) A, (string Entity, string State) B), (double Confidence, double Gap)> Pairs(
        SimulatedHome home, Dictionary<(string, string), double> rates, double window)
    {
        var followed = new Dictionary<((string, string), (string, string)), (double PerDay, double Gap)>();
        foreach (var activity in HumanActivities(home))
        {
            foreach (var first in activity.Steps)
            {
                foreach (var group in activity.Steps.Where(t => t.EntityId != first.EntityId).GroupBy(t => (t.EntityId, t.State)))
                {
                    var miss = 1.0;
                    var gap = double.MaxValue;
                    foreach (var then in group)
                    {
                        var nominal = (then.Offset - first.Offset).TotalSeconds;
                        miss *= 1 - WithinWindow(nominal, GapSigma(activity, first, then), window);
                        if (nominal > 0)
                        {
                            gap = Math.Min(gap, nominal);
                        }
                    }

                    if (miss >= 1)
                    {
                        continue;
                    }

                    var key = ((first.EntityId, first.State), group.Key);
                    var (perDay, shortest) = followed.GetValueOrDefault(key, (0, double.MaxValue));
                    followed[key] = (perDay + (PerDay(activity) * (1 - miss)), Math.Min(shortest, gap));
                }
            }
        }

        return followed.ToDictionary(p => p.Key, p => (Math.Min(1, p.Value.PerDay / rates[p.Key.Item1]), p.Value.Gap));
    }

    private static IEnumerable<TruthEntry> CoOccurrences(SimulatedHome home, Dictionary<(string, string), double> rates, TruthDefinitions d)
    {
        var window = d.CoOccurrenceWindowSeconds;
        foreach (var ((a, b), (confidence, gap)) in Pairs(home, rates, window).OrderBy(p => p.Key.A).ThenBy(p => p.Key.B))
        {
            if (confidence >= d.AllowedConfidence)
            {
                yield return new TruthEntry(
                    CoOccurrenceDetector.TypeName,
                    Sources(home, a, b),
                    [a.Entity, b.Entity],
                    [a.State, b.State],
                    true,
                    confidence >= d.RequiredConfidence,
                    new CoOccurrenceTruth(window, Math.Round(gap, 1), Math.Round(confidence, 3)));
            }
        }
    }

    private static string Sources(SimulatedHome home, (string Entity, string State) a, (string Entity, string State) b) =>
        string.Join(',', HumanActivities(home)
            .Where(x => x.Steps.Any(s => (s.EntityId, s.State) == a) && x.Steps.Any(s => (s.EntityId, s.State) == b))
            .Select(x => x.Id));

    private static IEnumerable<TruthEntry> Sequences(SimulatedHome home, Dictionary<(string, string), double> rates, TruthDefinitions d)
    {
        var maxGap = d.SequenceMaxGapSeconds;
        var pairs = Pairs(home, rates, maxGap);
        foreach (var activity in HumanActivities(home))
        {
            var steps = activity.Steps.OrderBy(s => s.Offset).ToList();
            var run = new List<PlantedStep>();
            foreach (var step in steps.Append(null))
            {
                if (step is not null && (run.Count == 0 || (step.Offset - run[^1].Offset).TotalSeconds <= maxGap))
                {
                    run.Add(step);
                    continue;
                }

                if (run.Select(s => s.EntityId).Distinct().Count() >= 2)
                {
                    var required = run.SelectMany((first, i) => run.Skip(i + 1).Select(then => (first, then)))
                        .Any(p => p.first.EntityId != p.then.EntityId
                                  && pairs.TryGetValue(((p.first.EntityId, p.first.State), (p.then.EntityId, p.then.State)), out var pair)
                                  && pair.Confidence >= d.RequiredConfidence);
                    yield return new TruthEntry(
                        SequenceDetector.TypeName,
                        activity.Id,
                        run.Select(s => s.EntityId).ToList(),
                        run.Select(s => s.State).ToList(),
                        true,
                        required,
                        new SequenceTruth(maxGap));
                }

                run = step is null ? [] : [step];
            }
        }
    }

    private static IEnumerable<TruthEntry> Durations(SimulatedHome home, TruthDefinitions d)
    {
        var mixtures = new Dictionary<(string Entity, string State, bool Human), (List<OnTimeComponent> Parts, List<string> Sources)>();
        void Add(string entity, string state, bool human, OnTimeComponent part, string source)
        {
            if (!mixtures.TryGetValue((entity, state, human), out var mixture))
            {
                mixture = ([], []);
                mixtures.Add((entity, state, human), mixture);
            }

            mixture.Parts.Add(part);
            if (!mixture.Sources.Contains(source))
            {
                mixture.Sources.Add(source);
            }
        }

        foreach (var activity in home.Activities)
        {
            var steps = activity.Steps.OrderBy(s => s.Offset).ToList();
            for (var i = 0; i < steps.Count; i++)
            {
                var on = steps[i];
                var off = steps.Skip(i + 1).FirstOrDefault(s => s.EntityId == on.EntityId);
                if (IsOn(on.State) && off is not null && IsOff(off.State))
                {
                    Add(on.EntityId, on.State, activity.Actor == Actor.Person,
                        OnTimeComponent.Normal(PerDay(activity), (off.Offset - on.Offset).TotalSeconds, GapSigma(activity, on, off)), activity.Id);
                }
            }
        }

        foreach (var noise in home.Noise.Where(n => n.Shape == NoiseShape.Session && IsOn(n.States[0]) && IsOff(n.States[1])))
        {
            Add(noise.EntityId, noise.States[0], noise.Actor == Actor.Person,
                OnTimeComponent.Uniform(noise.PerDay, noise.MinHold.TotalSeconds, noise.MaxHold.TotalSeconds), noise.Id);
        }

        foreach (var ((entity, state, human), (parts, sources)) in mixtures.OrderBy(m => m.Key.Entity).ThenBy(m => m.Key.State))
        {
            var median = OnTimeComponent.Quantile(parts, 0.5);
            var p25 = OnTimeComponent.Quantile(parts, 0.25);
            var p75 = OnTimeComponent.Quantile(parts, 0.75);
            var typical = p25 >= (1 - d.DurationTolerance) * median && p75 <= (1 + d.DurationTolerance) * median;
            yield return new TruthEntry(
                DurationDetector.TypeName,
                string.Join(',', sources),
                [entity],
                [state],
                human,
                human && typical,
                new DurationTruth(Math.Round(median, 1), Math.Round(p25, 1), Math.Round(p75, 1)));
        }
    }

    private static IEnumerable<TruthEntry> Rooms(SimulatedHome home, TruthDefinitions d)
    {
        var groups = new List<(string Area, HashSet<string> Entities, HashSet<string> Sources)>();
        foreach (var activity in HumanActivities(home))
        {
            var activations = activity.Steps
                .Where(s => !IsOff(s.State) && home.FindEntity(s.EntityId)?.Area is not null)
                .GroupBy(s => home.FindEntity(s.EntityId)!.Area!);
            foreach (var area in activations)
            {
                var chain = new List<PlantedStep>();
                foreach (var step in area.OrderBy(s => s.Offset).Append(null))
                {
                    if (step is not null && (chain.Count == 0 || (step.Offset - chain[^1].Offset).TotalSeconds <= d.RoomWindowSeconds))
                    {
                        chain.Add(step);
                        continue;
                    }

                    var entities = chain.Select(s => s.EntityId).ToHashSet(StringComparer.Ordinal);
                    if (entities.Count >= 2)
                    {
                        Merge(groups, area.Key, entities, activity.Id);
                    }

                    chain = step is null ? [] : [step];
                }
            }
        }

        return groups
            .OrderBy(g => g.Area, StringComparer.Ordinal)
            .Select(g => new TruthEntry(
                RoomDetector.TypeName,
                string.Join(',', g.Sources.Order(StringComparer.Ordinal)),
                g.Entities.Order(StringComparer.Ordinal).ToList(),
                g.Entities.Order(StringComparer.Ordinal).Select(e => ActivationState(home, e)).ToList(),
                true,
                true,
                new RoomTruth(g.Area)));
    }

    private static void Merge(List<(string Area, HashSet<string> Entities, HashSet<string> Sources)> groups, string area, HashSet<string> entities, string source)
    {
        var joined = groups.Where(g => g.Area == area && g.Entities.Overlaps(entities)).ToList();
        var merged = (area, new HashSet<string>(entities, StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) { source });
        foreach (var group in joined)
        {
            merged.Item2.UnionWith(group.Entities);
            merged.Item3.UnionWith(group.Sources);
            groups.Remove(group);
        }

        groups.Add(merged);
    }

    private static string ActivationState(SimulatedHome home, string entity) =>
        HumanActivities(home).SelectMany(a => a.Steps).First(s => s.EntityId == entity && !IsOff(s.State)).State;

    private static IEnumerable<TruthEntry> Anomalies(SimulatedHome home, DateTimeOffset startUtc, int days, TruthDefinitions d)
    {
        if (days <= 0)
        {
            yield break;
        }

        var calendar = home.Calendar;
        var first = calendar.LocalDate(startUtc);
        var last = calendar.LocalDate(startUtc.AddDays(days).AddTicks(-1));
        foreach (var anomaly in home.Anomalies)
        {
            var activity = anomaly.Activity is null
                ? HumanActivities(home).FirstOrDefault(a => a.Steps.Any(s => s.EntityId == anomaly.EntityId && s.State == anomaly.OnState))
                : home.Activities.First(a => a.Id == anomaly.Activity);
            var usedDays = activity is null ? 0 : CountDays(first, last, activity.Days) * (1 - activity.SkipProbability);
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                if (!anomaly.FallsOn(date) || (anomaly.Activity is not null && !activity!.Days.Contains(date.DayOfWeek)))
                {
                    continue;
                }

                // A window that starts or ends within a local day holds only the part of it after or before the cut.
                var at = Instant(calendar, date.ToDateTime(anomaly.Activity is null ? anomaly.TimeOn(date) : activity!.LocalTime));
                if (at < startUtc || at >= startUtc.AddDays(days))
                {
                    continue;
                }

                var required = usedDays - 1 >= d.AnomalyHistoryDays && (anomaly.Activity is null || date < last);
                yield return new TruthEntry(
                    AnomalyDetector.TypeName,
                    anomaly.Id,
                    [anomaly.EntityId],
                    [anomaly.OnState],
                    true,
                    required,
                    new AnomalyTruth(date, anomaly.Activity is null ? AnomalyDetails.UnusualHour : AnomalyDetails.LongOnTime));
            }
        }
    }

    /// <summary>A local wall-clock time as the generator places it (a time skipped by the spring change happens an hour later).</summary>
    private static DateTimeOffset Instant(HomeCalendar calendar, DateTime local)
    {
        var zone = calendar.TimeZone;
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static int CountDays(DateOnly first, DateOnly last, DaySelection days)
    {
        var count = 0;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            count += days.Contains(date.DayOfWeek) ? 1 : 0;
        }

        return count;
    }
}
