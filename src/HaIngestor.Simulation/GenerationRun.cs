using System.Globalization;

namespace HaIngestor.Simulation;

/// <summary>The mutable state of one enumeration of <see cref="HistoryGenerator.Generate"/>.</summary>
internal sealed class GenerationRun
{
    private long sequence;

    public GenerationRun(SimulatedHome home)
    {
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

    public PriorityQueue<Scheduled, (long Ticks, long Sequence)> Queue { get; } = new();

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
}
