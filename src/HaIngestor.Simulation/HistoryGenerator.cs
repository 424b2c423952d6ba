using HaIngestor.Domain.Events;

namespace HaIngestor.Simulation;

/// <summary>
/// Turns a <see cref="SimulatedHome"/> into the Home Assistant state changes it would record, in time order.
/// Each local day is planned from its own seeded random stream, so a day looks the same whatever window it is
/// generated in; only about a day and a half of pending changes is held at any time.
/// </summary>
public sealed class HistoryGenerator(SimulatedHome home)
{
    /// <summary>How far before its local midnight a day's earliest change may fall (negative step offsets, jitter).</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromHours(12);

    private const double UiShare = 0.25;
    private const int NoiseStreamBase = 1000;
    private const int SensorStream = 2000;
    private const int AnomalyStreamBase = 3000;

    public SimulatedHome Home { get; } = home;

    /// <summary>
    /// The state changes in [<paramref name="startUtc"/>, <paramref name="startUtc"/> + <paramref name="days"/> days),
    /// sorted by time (ties in a fixed order), each with its old state, area and HA context. Entities start in
    /// their <see cref="SimulatedEntity.InitialState"/>; activities of days before the window do not run.
    /// </summary>
    public IEnumerable<StateChange> Generate(DateTimeOffset startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = startUtc.ToUniversalTime();
        return days == 0 ? [] : Run(start, start.AddDays(days));
    }

    private IEnumerable<StateChange> Run(DateTimeOffset start, DateTimeOffset end)
    {
        var run = new GenerationRun(Home);
        var calendar = Home.Calendar;
        var nextDate = calendar.LocalDate(start);
        var lastDate = calendar.LocalDate(end.AddTicks(-1));
        var output = new List<StateChange>(4);
        StartSensorReports(run, start);

        while (true)
        {
            while (nextDate <= lastDate
                   && (run.Queue.Count == 0 || calendar.StartOfDay(nextDate) - Lead <= PeekTime(run)))
            {
                PlanDay(run, nextDate);
                nextDate = nextDate.AddDays(1);
            }

            if (!run.Queue.TryDequeue(out var item, out var priority))
            {
                yield break;
            }

            var time = new DateTimeOffset(priority.Ticks, TimeSpan.Zero);
            if (time >= end)
            {
                yield break;
            }

            if (time < start)
            {
                continue;
            }

            output.Clear();
            Apply(run, item, time, output);
            foreach (var change in output)
            {
                yield return change;
            }
        }
    }

    private static DateTimeOffset PeekTime(GenerationRun run)
    {
        run.Queue.TryPeek(out _, out var priority);
        return new DateTimeOffset(priority.Ticks, TimeSpan.Zero);
    }

    private void PlanDay(GenerationRun run, DateOnly date)
    {
        for (var i = 0; i < Home.Activities.Count; i++)
        {
            PlanActivity(run, date, Home.Activities[i], new Random(DeterministicNoise.Seed(Home.Seed, date.DayNumber, i)));
        }

        for (var i = 0; i < Home.Noise.Count; i++)
        {
            PlanNoise(run, date, Home.Noise[i], new Random(DeterministicNoise.Seed(Home.Seed, date.DayNumber, NoiseStreamBase + i)));
        }

        for (var i = 0; i < Home.Anomalies.Count; i++)
        {
            var anomaly = Home.Anomalies[i];
            if (anomaly.Activity is null && anomaly.FallsOn(date))
            {
                PlanExtraSession(run, date, anomaly, new Random(DeterministicNoise.Seed(Home.Seed, date.DayNumber, AnomalyStreamBase + i)));
            }
        }

    }

    private void PlanActivity(GenerationRun run, DateOnly date, PlantedActivity activity, Random random)
    {
        var leftOn = Home.Anomalies.FirstOrDefault(a => a.Activity == activity.Id && a.FallsOn(date));
        var skipped = random.NextDouble() < activity.SkipProbability && leftOn is null;
        if (!activity.Days.Contains(date.DayOfWeek) || skipped)
        {
            return;
        }

        var nominal = date.ToDateTime(activity.LocalTime);
        var startJitter = random.NextJitter(activity.JitterMinutes);
        foreach (var step in activity.Steps)
        {
            var local = nominal + step.Offset
                        + TimeSpan.FromMinutes((step.FollowsStart ? startJitter : 0) + random.NextJitter(step.JitterMinutes));
            if (leftOn is not null && step.EntityId == leftOn.EntityId && step.State == leftOn.OffState)
            {
                local += leftOn.Delay;
            }

            var time = ToUtc(local);
            var entity = Home.FindEntity(step.EntityId)!;
            var (userId, parentId) = Context(activity.Actor, entity.Role, random, time);
            run.Push(time, new Scheduled(entity.Index, ScheduledKind.Set, step.State, userId, parentId, 0));
        }
    }

    private void PlanExtraSession(GenerationRun run, DateOnly date, PlantedAnomaly anomaly, Random random)
    {
        var entity = Home.FindEntity(anomaly.EntityId)!;
        var on = ToUtc(date.ToDateTime(anomaly.TimeOn(date)));
        var off = on + anomaly.Hold;
        var (onUser, onParent) = Context(Actor.Person, entity.Role, random, on);
        var (offUser, offParent) = Context(Actor.Person, entity.Role, random, off);
        run.Push(on, new Scheduled(entity.Index, ScheduledKind.Set, anomaly.OnState, onUser, onParent, 0));
        run.Push(off, new Scheduled(entity.Index, ScheduledKind.Set, anomaly.OffState, offUser, offParent, 0));
    }

    private void PlanNoise(GenerationRun run, DateOnly date, NoiseSource noise, Random random)
    {
        var entity = Home.FindEntity(noise.EntityId)!;
        var count = random.NextPoisson(noise.PerDay);
        var window = (noise.To - noise.From).TotalMinutes;
        for (var i = 0; i < count; i++)
        {
            var local = date.ToDateTime(noise.From).AddMinutes(random.NextDouble() * window);
            var time = ToUtc(local);
            if (noise.Shape == NoiseShape.Press)
            {
                var state = noise.States[random.Next(noise.States.Count)];
                var (userId, parentId) = Context(noise.Actor, entity.Role, random, time);
                run.Push(time, new Scheduled(entity.Index, ScheduledKind.Set, state, userId, parentId, 0));
                continue;
            }

            var hold = noise.MinHold + ((noise.MaxHold - noise.MinHold) * random.NextDouble());
            var (onUser, onParent) = Context(noise.Actor, entity.Role, random, time);
            var (offUser, offParent) = Context(noise.Actor, entity.Role, random, time + hold);
            run.Push(time, new Scheduled(entity.Index, ScheduledKind.Set, noise.States[0], onUser, onParent, 0));
            run.Push(time + hold, new Scheduled(entity.Index, ScheduledKind.Set, noise.States[1], offUser, offParent, 0));
        }
    }

    /// <summary>
    /// Starts one report chain per temperature/humidity entity. Reports sit on a fixed grid (Unix epoch plus a
    /// per-device phase), so a reading does not depend on where the window starts; devices report out of step with
    /// each other, as real sensors do. Each report queues the next, which keeps the queue small.
    /// </summary>
    private void StartSensorReports(GenerationRun run, DateTimeOffset start)
    {
        var interval = Home.Options.EffectiveSensorInterval.Ticks;
        foreach (var entity in run.SensorEntities)
        {
            var phase = (long)(DeterministicNoise.Uniform(Home.Seed, SensorStream, entity.DeviceIndex) * interval);
            var sinceGrid = (start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks - phase) % interval;
            var first = sinceGrid <= 0 ? start.UtcTicks - sinceGrid : start.UtcTicks + (interval - sinceGrid);
            var firstMillisecond = first + ((TimeSpan.TicksPerMillisecond - (first % TimeSpan.TicksPerMillisecond)) % TimeSpan.TicksPerMillisecond);
            run.Push(new DateTimeOffset(firstMillisecond, TimeSpan.Zero), new Scheduled(entity.Index, ScheduledKind.SensorReport, null, null, null, 0));
        }
    }

    private (string? UserId, string? ParentId) Context(Actor actor, EntityRole role, Random random, DateTimeOffset time)
    {
        if (actor == Actor.Automation)
        {
            return (null, random.NextContextId(time));
        }

        // Sensors report what happened; only actuators carry the acting person's HA user.
        var actuator = role is EntityRole.OnOff or EntityRole.Cover or EntityRole.ClimateMode;
        return actuator && random.NextDouble() < UiShare ? (Home.UserIds[random.Next(Home.UserIds.Count)], null) : (null, null);
    }

    private DateTimeOffset ToUtc(DateTime local)
    {
        var zone = Home.Calendar.TimeZone;
        if (zone.IsInvalidTime(local))
        {
            // A wall-clock time skipped by the spring change happens an hour later, as HA's time trigger does.
            local = local.AddHours(1);
        }

        var utc = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private void Apply(GenerationRun run, Scheduled item, DateTimeOffset time, List<StateChange> output)
    {
        var entity = Home.Entities[item.Entity];
        switch (item.Kind)
        {
            case ScheduledKind.Set:
                if (!Change(run, entity, item.State!, time, item.UserId, item.ParentId, output))
                {
                    return;
                }

                if (entity.Role == EntityRole.OnOff && run.PlugPower[entity.DeviceIndex] is not null)
                {
                    var generation = ++run.PlugGeneration[entity.DeviceIndex];
                    run.Push(time.AddSeconds(2), new Scheduled(entity.Index, ScheduledKind.PlugReport, null, null, null, generation));
                }
                else if (entity.Role == EntityRole.Occupancy && item.State == "on")
                {
                    ReportIlluminance(run, entity, time, output);
                }

                break;
            case ScheduledKind.PlugReport:
                ReportPlug(run, entity, item.Tag, time, output);
                break;
            case ScheduledKind.SensorReport:
                ReportClimate(run, entity, time, output);
                run.Push(time + Home.Options.EffectiveSensorInterval, item);
                break;
        }
    }

    private static bool Change(GenerationRun run, SimulatedEntity entity, string state, DateTimeOffset time, string? userId, string? parentId, List<StateChange> output)
    {
        var old = run.Current[entity.Index];
        var isAction = entity.Role == EntityRole.Action;
        if (!isAction && old == state)
        {
            return false;
        }

        run.Current[entity.Index] = state;
        output.Add(new StateChange(
            time, entity.EntityId, state, isAction ? null : old, entity.Area,
            StateChange.OriginFromContext(state, userId, parentId), userId, parentId));
        return true;
    }

    private void ReportPlug(GenerationRun run, SimulatedEntity onOff, int generation, DateTimeOffset time, List<StateChange> output)
    {
        var device = onOff.DeviceIndex;
        if (generation != run.PlugGeneration[device])
        {
            return;
        }

        var on = run.Current[onOff.Index] == "on";
        var (power, energy) = run.PlugPower[device]!.Value;
        var interval = Home.Options.EffectiveSensorInterval;
        var watts = on
            ? Math.Round(Math.Max(0.5, run.PlugLoad[device] * (1 + (0.04 * DeterministicNoise.Gaussian(Home.Seed, onOff.Index, time.Ticks)))), 1)
            : 0;
        Change(run, Home.Entities[power], SimulatedValues.Format(watts), time, null, null, output);
        if (on)
        {
            run.Energy[device] += watts * interval.TotalHours / 1000;
            Change(run, Home.Entities[energy], SimulatedValues.Format(Math.Round(run.Energy[device], 2)), time, null, null, output);
            run.Push(time + interval, new Scheduled(onOff.Index, ScheduledKind.PlugReport, null, null, null, generation));
        }
    }

    private void ReportClimate(GenerationRun run, SimulatedEntity entity, DateTimeOffset time, List<StateChange> output)
    {
        var hours = run.LocalMinuteOfDay(time) / 60.0;
        var baseline = run.Baseline[entity.Index];
        var noise = DeterministicNoise.Gaussian(Home.Seed, entity.Index, time.Ticks);
        var value = entity.Role == EntityRole.Temperature
            ? Math.Round(baseline + (1.2 * Math.Sin(2 * Math.PI * (hours - 10) / 24)) + (0.15 * noise), 1)
            : Math.Round(baseline + (6 * Math.Sin(2 * Math.PI * (hours - 4) / 24)) + (1.0 * noise));
        Change(run, entity, SimulatedValues.Format(value), time, null, null, output);
    }

    /// <summary>
    /// Indoor daylight in lux: a sine over the day between sunrise and sunset, with solar noon from the home's
    /// longitude and a day length swinging ±4.5 h over the year (about right at the home's latitude of 52°).
    /// </summary>
    private double Daylight(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var season = Math.Sin(2 * Math.PI * (utc.DayOfYear - 80) / 365.25);
        var dayLength = 12 + (4.5 * season);
        var sinceSunrise = utc.TimeOfDay.TotalHours - (12 - (Home.Longitude / 15) - (dayLength / 2));
        return sinceSunrise > 0 && sinceSunrise < dayLength
            ? (280 + (120 * season)) * Math.Sin(Math.PI * sinceSunrise / dayLength)
            : 0;
    }

    private void ReportIlluminance(GenerationRun run, SimulatedEntity occupancy, DateTimeOffset time, List<StateChange> output)
    {
        var illuminance = run.IlluminanceOf[occupancy.DeviceIndex];
        if (illuminance < 0)
        {
            return;
        }

        var daylight = Daylight(time);
        var lamps = run.AreaLights[occupancy.DeviceIndex].Any(i => run.Current[i] == "on") ? 140 : 0;
        var noise = 1 + (0.1 * DeterministicNoise.Gaussian(Home.Seed, illuminance, time.Ticks));
        var lux = Math.Round(Math.Max(0, (daylight + lamps + 2) * noise));
        Change(run, Home.Entities[illuminance], SimulatedValues.Format(lux), time, null, null, output);
    }
}
