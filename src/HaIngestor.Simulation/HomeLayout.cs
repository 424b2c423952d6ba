using HaIngestor.Domain.Detection;

namespace HaIngestor.Simulation;

/// <summary>
/// The simulated household: its devices and what the people (and one automation) in it do. None of these
/// routines appear in the recorded datasets, so a detector cannot have been tuned to them.
/// </summary>
internal static class HomeLayout
{
    public const string Name = "Haus am Kiefernweg";
    public const double Latitude = 52.5200;
    public const double Longitude = 13.4050;

    private static readonly DeviceModel WhiteSpectrumBulb = new(
        "LED1545G12", "IKEA", "TRADFRI bulb E26/E27, white spectrum, globe, opal, 980 lm",
        "TRADFRI bulb E27 WS opal 980lm", "IKEA of Sweden", "2.3.093", "20221104", Battery: false, SupportsOta: true);

    private static readonly DeviceModel AmbianceBulb = new(
        "9290022166", "Philips", "Hue white ambiance E26/E27",
        "LTA001", "Signify Netherlands B.V.", "1.104.2", "20230410", Battery: false, SupportsOta: true);

    private static readonly DeviceModel OutdoorBulb = new(
        "RB 278 T", "Innr", "Smart bulb tunable white E27",
        "RB 278 T", "innr", "1.2.5", "20220318", Battery: false, SupportsOta: true);

    private static readonly DeviceModel MeteringPlug = new(
        "SP 234", "Innr", "Smart plug",
        "SP 234", "innr", "2.0.1", "20230922", Battery: false, SupportsOta: true);

    private static readonly DeviceModel MotionSensor = new(
        "RTCGQ11LM", "Aqara", "Motion sensor",
        "lumi.sensor_motion.aq2", "LUMI", "3000-0001", "20191205", Battery: true, SupportsOta: false);

    private static readonly DeviceModel ContactSensor = new(
        "MCCGQ11LM", "Aqara", "Door and window sensor",
        "lumi.sensor_magnet.aq2", "LUMI", "3000-0001", "20161128", Battery: true, SupportsOta: false);

    private static readonly DeviceModel ClimateSensor = new(
        "WSDCGQ11LM", "Aqara", "Temperature, humidity and pressure sensor",
        "lumi.weather", "LUMI", "3000-0001", "20191205", Battery: true, SupportsOta: false);

    private static readonly DeviceModel RollerBlind = new(
        "E1757", "IKEA", "FYRTUR roller blind, block-out",
        "FYRTUR block-out roller blind", "IKEA of Sweden", "24.4.6", "20210315", Battery: true, SupportsOta: true);

    private static readonly DeviceModel RoomThermostat = new(
        "SLR1", "Hive", "Heating thermostat",
        "SLR1", "Computime", "01.0B.01", "20200806", Battery: false, SupportsOta: false);

    private static readonly DeviceModel OnOffRemote = new(
        "E1743", "IKEA", "TRADFRI ON/OFF switch",
        "TRADFRI on/off switch", "IKEA of Sweden", "24.4.5", "20190715", Battery: true, SupportsOta: true);

    private static readonly string[] ExtraSensorRooms = ["kitchen", "living room", "bedroom", "office", "bathroom", "hallway", "guest room"];

    /// <summary>Mean power of what hangs on a plug, watts.</summary>
    public static double PlugLoadWatts(string friendlyName) => friendlyName switch
    {
        "kitchen/coffee plug" => 1150,
        "office/desk plug" => 85,
        "living room/tv plug" => 95,
        "utility/washer plug" => 480,
        _ => 60,
    };

    /// <summary>The devices after the Coordinator, in publishing order.</summary>
    public static IReadOnlyList<(string FriendlyName, DeviceKind Kind, DeviceModel Model)> Devices(SimulationOptions options)
    {
        var devices = new List<(string, DeviceKind, DeviceModel)>
        {
            ("kitchen/ceiling light", DeviceKind.Light, WhiteSpectrumBulb),
            ("kitchen/motion", DeviceKind.MotionSensor, MotionSensor),
            ("kitchen/coffee plug", DeviceKind.Plug, MeteringPlug),
            ("living room/floor lamp", DeviceKind.Light, AmbianceBulb),
            ("living room/remote", DeviceKind.Remote, OnOffRemote),
            ("living room/climate", DeviceKind.ClimateSensor, ClimateSensor),
            ("bedroom/blinds", DeviceKind.Cover, RollerBlind),
            ("bedroom/window", DeviceKind.ContactSensor, ContactSensor),
            ("office/desk plug", DeviceKind.Plug, MeteringPlug),
            ("bathroom/thermostat", DeviceKind.Thermostat, RoomThermostat),
            ("bathroom/climate", DeviceKind.ClimateSensor, ClimateSensor),
            ("hallway/motion", DeviceKind.MotionSensor, MotionSensor),
            ("hallway/front door", DeviceKind.ContactSensor, ContactSensor),
            ("guest room/lamp", DeviceKind.Light, WhiteSpectrumBulb),
            ("garden/path light", DeviceKind.Light, OutdoorBulb),
            ("bedroom/bedside lamp", DeviceKind.Light, AmbianceBulb),
            ("bedroom/ceiling light", DeviceKind.Light, WhiteSpectrumBulb),
            ("bathroom/ceiling light", DeviceKind.Light, WhiteSpectrumBulb),
            ("bathroom/mirror light", DeviceKind.Light, AmbianceBulb),
            ("kitchen/counter light", DeviceKind.Light, WhiteSpectrumBulb),
            ("dining room/pendant", DeviceKind.Light, AmbianceBulb),
            ("dining room/wall light", DeviceKind.Light, WhiteSpectrumBulb),
            ("living room/ceiling light", DeviceKind.Light, WhiteSpectrumBulb),
            ("living room/tv plug", DeviceKind.Plug, MeteringPlug),
            ("kids room/ceiling light", DeviceKind.Light, WhiteSpectrumBulb),
            ("kids room/night light", DeviceKind.Light, AmbianceBulb),
            ("office/desk lamp", DeviceKind.Light, AmbianceBulb),
            ("utility/light", DeviceKind.Light, WhiteSpectrumBulb),
            ("utility/washer plug", DeviceKind.Plug, MeteringPlug),
        };
        for (var i = 0; i < options.ExtraClimateSensors; i++)
        {
            devices.Add(($"{ExtraSensorRooms[i % ExtraSensorRooms.Length]}/thermometer {i + 1}", DeviceKind.ClimateSensor, ClimateSensor));
        }

        return devices;
    }

    /// <summary>The planted activities. <paramref name="entity"/> resolves (friendly name, role) to an entity id.</summary>
    public static IReadOnlyList<PlantedActivity> Activities(Func<string, EntityRole, string> entity)
    {
        var kitchenLight = entity("kitchen/ceiling light", EntityRole.OnOff);
        var kitchenMotion = entity("kitchen/motion", EntityRole.Occupancy);
        var coffee = entity("kitchen/coffee plug", EntityRole.OnOff);
        var floorLamp = entity("living room/floor lamp", EntityRole.OnOff);
        var blinds = entity("bedroom/blinds", EntityRole.Cover);
        var desk = entity("office/desk plug", EntityRole.OnOff);
        var heating = entity("bathroom/thermostat", EntityRole.ClimateMode);
        var hallMotion = entity("hallway/motion", EntityRole.Occupancy);
        var door = entity("hallway/front door", EntityRole.Contact);
        var pathLight = entity("garden/path light", EntityRole.OnOff);
        var bedside = entity("bedroom/bedside lamp", EntityRole.OnOff);
        var bedroomCeiling = entity("bedroom/ceiling light", EntityRole.OnOff);
        var bathroomCeiling = entity("bathroom/ceiling light", EntityRole.OnOff);
        var mirror = entity("bathroom/mirror light", EntityRole.OnOff);
        var counter = entity("kitchen/counter light", EntityRole.OnOff);
        var pendant = entity("dining room/pendant", EntityRole.OnOff);
        var wallLight = entity("dining room/wall light", EntityRole.OnOff);
        var livingCeiling = entity("living room/ceiling light", EntityRole.OnOff);
        var tv = entity("living room/tv plug", EntityRole.OnOff);
        var kidsCeiling = entity("kids room/ceiling light", EntityRole.OnOff);
        var nightLight = entity("kids room/night light", EntityRole.OnOff);
        var deskLamp = entity("office/desk lamp", EntityRole.OnOff);
        var utilityLight = entity("utility/light", EntityRole.OnOff);
        var washer = entity("utility/washer plug", EntityRole.OnOff);

        return
        [
            new("bathroom-heating", new TimeOnly(6, 10), DaySelection.Weekdays, 5, 0.05, Actor.Person,
            [
                new(TimeSpan.Zero, heating, "heat"),
                new(new TimeSpan(1, 50, 0), heating, "off", 8, FollowsStart: false),
            ]),
            new("blinds-weekday", new TimeOnly(6, 35), DaySelection.Weekdays, 5, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, blinds, "open"),
                new(new TimeSpan(15, 10, 0), blinds, "closed", 10, FollowsStart: false),
            ]),
            new("kitchen-morning", new TimeOnly(6, 45), DaySelection.Weekdays, 7, 0.10, Actor.Person,
            [
                new(TimeSpan.FromSeconds(-20), kitchenMotion, "on", 0.1),
                new(TimeSpan.Zero, kitchenLight, "on"),
                new(TimeSpan.FromSeconds(90), kitchenMotion, "off", 0.2),
                new(TimeSpan.FromMinutes(4), coffee, "on", 1),
                new(TimeSpan.FromMinutes(30), coffee, "off", 2),
                new(TimeSpan.FromMinutes(45), kitchenLight, "off", 5, FollowsStart: false),
            ]),
            new("leaving", new TimeOnly(7, 40), DaySelection.Weekdays, 5, 0.10, Actor.Person,
            [
                new(TimeSpan.FromSeconds(-30), hallMotion, "on", 0.1),
                new(TimeSpan.Zero, door, "on", 0.05),
                new(TimeSpan.FromSeconds(25), door, "off", 0.1),
                new(TimeSpan.FromSeconds(60), hallMotion, "off", 0.2),
            ]),
            new("blinds-weekend", new TimeOnly(7, 30), DaySelection.Weekends, 8, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, blinds, "open"),
                new(new TimeSpan(15, 0, 0), blinds, "closed", 10, FollowsStart: false),
            ]),
            new("office", new TimeOnly(8, 55), DaySelection.Weekdays, 6, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, desk, "on"),
                new(TimeSpan.FromSeconds(40), deskLamp, "on", 0.3),
                new(new TimeSpan(3, 0, 0), deskLamp, "off", 20, FollowsStart: false),
                new(new TimeSpan(8, 25, 0), desk, "off", 12, FollowsStart: false),
            ]),
            new("returning", new TimeOnly(17, 30), DaySelection.Weekdays, 10, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, door, "on"),
                new(TimeSpan.FromSeconds(20), door, "off", 0.1),
                new(TimeSpan.FromSeconds(30), hallMotion, "on", 0.1),
                new(TimeSpan.FromSeconds(120), hallMotion, "off", 0.2),
            ]),
            new("evening-lamp", new TimeOnly(19, 30), DaySelection.All, 10, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, floorLamp, "on"),
                new(new TimeSpan(4, 20, 0), floorLamp, "off", 8, FollowsStart: false),
            ]),
            new("garden-path-automation", new TimeOnly(20, 15), DaySelection.All, 0, 0, Actor.Automation,
            [
                new(TimeSpan.Zero, pathLight, "on"),
                new(new TimeSpan(2, 45, 0), pathLight, "off"),
            ]),
            new("wake-up", new TimeOnly(5, 50), DaySelection.Weekdays, 6, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, bedside, "on"),
                new(TimeSpan.FromSeconds(40), bedroomCeiling, "on", 0.3),
                new(TimeSpan.FromSeconds(90), bedside, "off", 0.3),
                new(TimeSpan.FromMinutes(12), bedroomCeiling, "off", 2),
            ]),
            new("bathroom-morning", new TimeOnly(7, 5), DaySelection.Weekdays, 6, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, bathroomCeiling, "on"),
                new(TimeSpan.FromSeconds(30), mirror, "on", 0.2),
                new(TimeSpan.FromMinutes(14), mirror, "off", 0.5),
                new(TimeSpan.FromSeconds((14 * 60) + 40), bathroomCeiling, "off", 0.2),
            ]),
            new("dinner", new TimeOnly(18, 45), DaySelection.All, 10, 0.15, Actor.Person,
            [
                new(TimeSpan.Zero, counter, "on"),
                new(TimeSpan.FromSeconds(60), pendant, "on", 0.3),
                new(TimeSpan.FromSeconds(75), wallLight, "on", 0.3),
                new(TimeSpan.FromMinutes(20), counter, "off", 3),
                new(new TimeSpan(2, 0, 0), pendant, "off", 6, FollowsStart: false),
                new(new TimeSpan(2, 0, 40), wallLight, "off", 6, FollowsStart: false),
            ]),
            new("tv-evening", new TimeOnly(20, 40), DaySelection.All, 12, 0.15, Actor.Person,
            [
                new(TimeSpan.Zero, livingCeiling, "on"),
                new(TimeSpan.FromSeconds(45), tv, "on", 0.3),
                new(TimeSpan.FromMinutes(2), livingCeiling, "off", 0.5),
                new(new TimeSpan(2, 0, 0), tv, "off", 10),
            ]),
            new("kids-bedtime", new TimeOnly(19, 45), DaySelection.All, 8, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, kidsCeiling, "on"),
                new(TimeSpan.FromSeconds(50), nightLight, "on", 0.3),
                new(TimeSpan.FromMinutes(15), kidsCeiling, "off", 2),
                new(new TimeSpan(10, 45, 0), nightLight, "off", 10, FollowsStart: false),
            ]),
            new("laundry", new TimeOnly(10, 0), DaySelection.Weekends, 20, 0.10, Actor.Person,
            [
                new(TimeSpan.Zero, utilityLight, "on"),
                new(TimeSpan.FromSeconds(60), washer, "on", 0.3),
                new(TimeSpan.FromSeconds(150), utilityLight, "off", 0.3),
                new(new TimeSpan(1, 40, 0), washer, "off", 5),
            ]),
        ];
    }

    /// <summary>
    /// The deliberate anomalies: the floor lamp switched on for a while at night, in the morning or early in the
    /// afternoon (it is otherwise only used in the evening), the desk lamp at night, the kitchen light left on all
    /// morning and the TV left on half the night.
    /// </summary>
    public static IReadOnlyList<PlantedAnomaly> Anomalies(Func<string, EntityRole, string> entity) =>
    [
        new("lamp-at-odd-hour", entity("living room/floor lamp", EntityRole.OnOff), "on", "off", 10, 3,
            [new TimeOnly(3, 10), new TimeOnly(9, 40), new TimeOnly(14, 20)], TimeSpan.FromMinutes(25), null, TimeSpan.Zero),
        new("kitchen-light-left-on", entity("kitchen/ceiling light", EntityRole.OnOff), "on", "off", 12, 5,
            [], TimeSpan.Zero, "kitchen-morning", TimeSpan.FromHours(5)),
        new("desk-lamp-at-night", entity("office/desk lamp", EntityRole.OnOff), "on", "off", 11, 6,
            [new TimeOnly(22, 30), new TimeOnly(3, 30), new TimeOnly(15, 30)], TimeSpan.FromMinutes(40), null, TimeSpan.Zero),
        new("tv-left-on", entity("living room/tv plug", EntityRole.OnOff), "on", "off", 9, 2,
            [], TimeSpan.Zero, "tv-evening", TimeSpan.FromHours(4)),
    ];

    /// <summary>Use that follows no routine.</summary>
    public static IReadOnlyList<NoiseSource> Noise(Func<string, EntityRole, string> entity) =>
    [
        new("guest-lamp", entity("guest room/lamp", EntityRole.OnOff), NoiseShape.Session, 1.2,
            new TimeOnly(7, 0), new TimeOnly(23, 0), ["on", "off"], TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(75)),
        new("bedroom-airing", entity("bedroom/window", EntityRole.Contact), NoiseShape.Session, 0.8,
            new TimeOnly(8, 0), new TimeOnly(21, 0), ["on", "off"], TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(40)),
        new("remote-presses", entity("living room/remote", EntityRole.Action), NoiseShape.Press, 2.0,
            new TimeOnly(8, 0), new TimeOnly(23, 30), ["on", "off", "brightness_move_up", "brightness_move_down"],
            TimeSpan.Zero, TimeSpan.Zero),
        new("kitchen-presence", entity("kitchen/motion", EntityRole.Occupancy), NoiseShape.Session, 5.0,
            new TimeOnly(7, 0), new TimeOnly(22, 30), ["on", "off"], TimeSpan.FromSeconds(70), TimeSpan.FromMinutes(6)),
        new("hallway-presence", entity("hallway/motion", EntityRole.Occupancy), NoiseShape.Session, 3.0,
            new TimeOnly(6, 30), new TimeOnly(23, 0), ["on", "off"], TimeSpan.FromSeconds(65), TimeSpan.FromMinutes(3)),
        new("living-ceiling-sessions", entity("living room/ceiling light", EntityRole.OnOff), NoiseShape.Session, 0.4,
            new TimeOnly(9, 0), new TimeOnly(22, 0), ["on", "off"], TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(50)),
    ];
}
