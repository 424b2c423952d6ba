using System.Globalization;

namespace HaIngestor.Simulation;

/// <summary>The mutable state of one enumeration of <see cref="HistoryGenerator.Generate"/>.</summary>
internal sealed class GenerationRun
{
    private readonly TimeZoneInfo zone;
    private long sequence;
    private long cachedHourStart = long.MinValue;
    private long cachedOffsetTicks;

    public GenerationRun(SimulatedHome home)
    {
        zone = home.Calendar.TimeZone;
        Current = home.Entities.Select(e => e.InitialState).ToArray();
        Baseline = home.Entities
            .Select(e => e.InitialState is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .ToArray();
        SensorEntities = home.Entities.Where(e => e.Role is EntityRole.Temperature or EntityRole.Humidity).ToList();

        var devices = home.Devices.Count;
        PlugPower = new (int, int)?[devices];
        PlugLoad = new double[devices];
        PlugGeneration = new int[devices];
        Energy = new double[devices];
        IlluminanceOf = new int[devices];
        AreaLights = new int[devices][];
        foreach (var device in home.Devices)
        {
            var byRole = device.Entities.ToDictionary(e => e.Role, e => e.Index);
            if (device.Kind == DeviceKind.Plug)
            {
                PlugPower[device.Index] = (byRole[EntityRole.Power], byRole[EntityRole.Energy]);
                PlugLoad[device.Index] = HomeLayout.PlugLoadWatts(device.FriendlyName);
                Energy[device.Index] = Baseline[byRole[EntityRole.Energy]];
            }

            IlluminanceOf[device.Index] = byRole.GetValueOrDefault(EntityRole.Illuminance, -1);
            AreaLights[device.Index] = device.Area is null
                ? []
                : home.Devices
                    .Where(d => d.Kind == DeviceKind.Light && d.Area == device.Area)
                    .SelectMany(d => d.Entities)
                    .Select(e => e.Index)
                    .ToArray();
        }
    }

    public PriorityQueue<Scheduled, (long Ticks, long Sequence)> Queue { get; } = new(ScheduleOrder.Instance);

    public string?[] Current { get; }

    public double[] Baseline { get; }

    public IReadOnlyList<SimulatedEntity> SensorEntities { get; }

    /// <summary>Per device: the power and energy entity indices when it is a metering plug.</summary>
    public (int Power, int Energy)?[] PlugPower { get; }

    public double[] PlugLoad { get; }

    /// <summary>Per plug: bumped on every switch so that an older report chain stops.</summary>
    public int[] PlugGeneration { get; }

    public double[] Energy { get; }

    /// <summary>Per device: the illuminance entity index, or -1.</summary>
    public int[] IlluminanceOf { get; }

    /// <summary>Per device: the on/off entities of the lights in its area.</summary>
    public int[][] AreaLights { get; }

    public void Push(DateTimeOffset time, Scheduled item) => Queue.Enqueue(item, (time.UtcTicks, sequence++));

    /// <summary>
    /// Local minutes since midnight, with the UTC offset cached per UTC hour: sensors ask for it on every reading,
    /// and offsets only change on (at least half-) hour boundaries.
    /// </summary>
    public double LocalMinuteOfDay(DateTimeOffset time)
    {
        var hourStart = time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour);
        if (hourStart != cachedHourStart)
        {
            cachedHourStart = hourStart;
            cachedOffsetTicks = zone.GetUtcOffset(new DateTimeOffset(hourStart, TimeSpan.Zero)).Ticks;
        }

        var localTicks = time.UtcTicks + cachedOffsetTicks;
        return (localTicks % TimeSpan.TicksPerDay) / (double)TimeSpan.TicksPerMinute;
    }

    /// <summary>Time first, then the order of queuing, so equal times come out the same way every run.</summary>
    private sealed class ScheduleOrder : IComparer<(long Ticks, long Sequence)>
    {
        public static readonly ScheduleOrder Instance = new();

        public int Compare((long Ticks, long Sequence) x, (long Ticks, long Sequence) y) =>
            x.Ticks != y.Ticks ? x.Ticks.CompareTo(y.Ticks) : x.Sequence.CompareTo(y.Sequence);
    }
}
