using System.Text.Json.Nodes;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Time;

namespace HaIngestor.Simulation;

/// <summary>
/// A simulated Zigbee2MQTT home: its devices (Coordinator first), their HA entities, and the planted activities
/// and noise that the <see cref="HistoryGenerator"/> turns into state changes. Everything follows from the seed.
/// </summary>
public sealed class SimulatedHome
{
    private readonly IReadOnlyList<DeviceModel?> models;
    private readonly Dictionary<string, SimulatedEntity> entitiesById;

    private SimulatedHome(
        int seed,
        SimulationOptions options,
        IReadOnlyList<SimulatedDevice> devices,
        IReadOnlyList<DeviceModel?> models,
        IReadOnlyList<string> userIds)
    {
        Seed = seed;
        Options = options;
        Devices = devices;
        this.models = models;
        UserIds = userIds;
        Entities = devices.SelectMany(d => d.Entities).ToList();
        entitiesById = Entities.ToDictionary(e => e.EntityId, StringComparer.Ordinal);
        Areas = devices.Select(d => d.Area).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Calendar = new HomeCalendar(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId));
        Activities = HomeLayout.Activities(EntityIdOf);
        Noise = HomeLayout.Noise(EntityIdOf);
        Anomalies = options.PlantAnomalies ? HomeLayout.Anomalies(EntityIdOf) : [];
        Routines = Activities.SelectMany(PlantedRoutine.From).ToList();
    }

    public int Seed { get; }

    public SimulationOptions Options { get; }

    public string Name => HomeLayout.Name;

    public string TimeZoneId => Options.TimeZoneId;

    public double Latitude => HomeLayout.Latitude;

    public double Longitude => HomeLayout.Longitude;

    public HomeCalendar Calendar { get; }

    /// <summary>The Coordinator, then every device.</summary>
    public IReadOnlyList<SimulatedDevice> Devices { get; }

    /// <summary>Every HA entity of every device, in device order.</summary>
    public IReadOnlyList<SimulatedEntity> Entities { get; }

    /// <summary>Area ids (slugs of the room part of the friendly names), first-seen order.</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary>HA user ids of the household's people (used for the UI share of their actions).</summary>
    public IReadOnlyList<string> UserIds { get; }

    /// <summary>What the household (and one automation) does.</summary>
    public IReadOnlyList<PlantedActivity> Activities { get; }

    /// <summary>Use without a routine.</summary>
    public IReadOnlyList<NoiseSource> Noise { get; }

    /// <summary>Deliberate one-offs (none when <see cref="SimulationOptions.PlantAnomalies"/> is off).</summary>
    public IReadOnlyList<PlantedAnomaly> Anomalies { get; }

    /// <summary>Ground truth: one time-of-day routine per activity step.</summary>
    public IReadOnlyList<PlantedRoutine> Routines { get; }

    /// <summary>The home's profile as the analysis sees it (time zone, location, areas, entity areas).</summary>
    public HomeProfile Profile => new(
        Name, TimeZoneId, Latitude, Longitude, Areas,
        Entities.Where(e => e.Area is not null).ToDictionary(e => e.EntityId, e => e.Area!, StringComparer.Ordinal));

    /// <summary>Builds the home for <paramref name="seed"/>: the same seed gives the same addresses and users.</summary>
    public static SimulatedHome Create(int seed, SimulationOptions? options = null)
    {
        options ??= SimulationOptions.Default;
        var random = new Random(seed);
        var usedAddresses = new HashSet<string>(StringComparer.Ordinal);
        var usedShortAddresses = new HashSet<int> { 0 };

        var devices = new List<SimulatedDevice>
        {
            new(0, NewIeeeAddress(random, usedAddresses), "Coordinator", null, 0, "coordinator", null, []),
        };
        var models = new List<DeviceModel?> { null };
        var entityIndex = 0;
        foreach (var (friendlyName, kind, model) in HomeLayout.Devices(options))
        {
            var index = devices.Count;
            var ieee = NewIeeeAddress(random, usedAddresses);
            var slug = EntityNaming.DeviceSlug(friendlyName, ieee);
            var area = EntityNaming.AreaOf(friendlyName);
            var entities = new List<SimulatedEntity>();
            foreach (var (role, entityId) in EntityIds(kind, slug))
            {
                entities.Add(new SimulatedEntity(entityIndex++, entityId, area, role, index, InitialState(role, random)));
            }

            int network;
            do
            {
                network = random.Next(1, 0xFFF8);
            }
            while (!usedShortAddresses.Add(network));

            devices.Add(new SimulatedDevice(index, ieee, friendlyName, kind, network, slug, area, entities));
            models.Add(model);
        }

        IReadOnlyList<string> users = [RandomHex(random, 32), RandomHex(random, 32)];
        return new SimulatedHome(seed, options, devices, models, users);
    }

    /// <summary>
    /// The start of a window of <paramref name="days"/> whole local days ending at today's local midnight
    /// (the window the <c>simulate</c> and <c>demo</c> verbs generate up to <paramref name="now"/>).
    /// </summary>
    public DateTimeOffset WindowStart(DateTimeOffset now, int days) =>
        Calendar.StartOfDay(Calendar.LocalDate(now).AddDays(-days)).ToUniversalTime();

    /// <summary>The entity with this id, or null.</summary>
    public SimulatedEntity? FindEntity(string entityId) => entitiesById.GetValueOrDefault(entityId);

    /// <summary>The device with this friendly name, or null.</summary>
    public SimulatedDevice? FindDevice(string friendlyName) => Devices.FirstOrDefault(d => d.FriendlyName == friendlyName);

    /// <summary>The retained <c>zigbee2mqtt/bridge/devices</c> payload: a compact UTF-8 JSON array, keys sorted.</summary>
    public byte[] BridgeDevicesPayload() => SortedJsonWriter.ToUtf8(BridgeDevicesJson());

    internal JsonArray BridgeDevicesJson()
    {
        var array = new JsonArray();
        foreach (var device in Devices)
        {
            array.Add(device.Kind is { } kind
                ? BridgeDeviceJson.Device(device, kind, models[device.Index]!)
                : BridgeDeviceJson.Coordinator(device.IeeeAddress));
        }

        return array;
    }

    private string EntityIdOf(string friendlyName, EntityRole role) =>
        FindDevice(friendlyName)?.Entities.FirstOrDefault(e => e.Role == role)?.EntityId
        ?? throw new InvalidOperationException($"The layout has no {role} entity on '{friendlyName}'.");

    /// <summary>The entities ENTITY_MAPPING.md derives from the exposes <see cref="BridgeDeviceJson"/> writes.</summary>
    private static IEnumerable<(EntityRole Role, string EntityId)> EntityIds(DeviceKind kind, string slug) => kind switch
    {
        DeviceKind.Light => [(EntityRole.OnOff, $"light.{slug}")],
        DeviceKind.Plug => [(EntityRole.OnOff, $"switch.{slug}"), (EntityRole.Power, $"sensor.{slug}_power"), (EntityRole.Energy, $"sensor.{slug}_energy")],
        DeviceKind.Cover => [(EntityRole.Cover, $"cover.{slug}")],
        DeviceKind.Thermostat => [(EntityRole.ClimateMode, $"climate.{slug}")],
        DeviceKind.MotionSensor => [(EntityRole.Occupancy, $"binary_sensor.{slug}_occupancy"), (EntityRole.Illuminance, $"sensor.{slug}_illuminance")],
        DeviceKind.ContactSensor => [(EntityRole.Contact, $"binary_sensor.{slug}_contact")],
        DeviceKind.ClimateSensor => [(EntityRole.Temperature, $"sensor.{slug}_temperature"), (EntityRole.Humidity, $"sensor.{slug}_humidity")],
        DeviceKind.Remote => [(EntityRole.Action, $"sensor.{slug}_action")],
        _ => [],
    };

    private static string? InitialState(EntityRole role, Random random) => role switch
    {
        EntityRole.OnOff or EntityRole.Occupancy or EntityRole.Contact or EntityRole.ClimateMode => "off",
        EntityRole.Cover => "closed",
        EntityRole.Power or EntityRole.Illuminance => "0",
        EntityRole.Energy => SimulatedValues.Format(Math.Round(5 + (random.NextDouble() * 40), 2)),
        EntityRole.Temperature => SimulatedValues.Format(Math.Round(19 + (random.NextDouble() * 3), 1)),
        EntityRole.Humidity => SimulatedValues.Format(Math.Round(40 + (random.NextDouble() * 15))),
        _ => null,
    };

    private static string NewIeeeAddress(Random random, HashSet<string> used)
    {
        string address;
        do
        {
            address = "0x" + RandomHex(random, 16);
        }
        while (!used.Add(address));

        return address;
    }

    private static string RandomHex(Random random, int digits) =>
        string.Create(digits, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = "0123456789abcdef"[r.Next(16)];
            }
        });
}
