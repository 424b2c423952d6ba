using System.Text.Json.Nodes;

namespace HaIngestor.Simulation;

/// <summary>Builds device objects of <c>zigbee2mqtt/bridge/devices</c> in the shape Zigbee2MQTT 2.x publishes.</summary>
internal static class BridgeDeviceJson
{
    public static JsonObject Coordinator(string ieeeAddress) => new()
    {
        ["disabled"] = false,
        ["endpoints"] = new JsonObject
        {
            ["1"] = Endpoint(
                ["genBasic", "genIdentify", "genOnOff", "genTime", "genOta"],
                ["genBasic", "genIdentify", "genGroups", "genScenes", "genOnOff", "genLevelCtrl", "genPollCtrl", "lightingColorCtrl",
                    "msIlluminanceMeasurement", "msTemperatureMeasurement", "msRelativeHumidity", "msOccupancySensing", "ssIasZone",
                    "seMetering", "haElectricalMeasurement", "closuresWindowCovering", "hvacThermostat"]),
            ["242"] = Endpoint(["greenPower"], ["greenPower"]),
        },
        ["friendly_name"] = "Coordinator",
        ["ieee_address"] = ieeeAddress,
        ["interview_completed"] = true,
        ["interview_state"] = "SUCCESSFUL",
        ["interviewing"] = false,
        ["network_address"] = 0,
        ["supported"] = true,
        ["type"] = "Coordinator",
    };

    public static JsonObject Device(SimulatedDevice device, DeviceKind kind, DeviceModel model) => new()
    {
        ["date_code"] = model.DateCode,
        ["definition"] = new JsonObject
        {
            ["description"] = model.Description,
            ["exposes"] = Exposes(kind),
            ["model"] = model.Model,
            ["options"] = new JsonArray(),
            ["source"] = "native",
            ["supports_ota"] = model.SupportsOta,
            ["vendor"] = model.Vendor,
            ["version"] = "0.0.0",
        },
        ["disabled"] = false,
        ["endpoints"] = new JsonObject { ["1"] = Endpoint(InputClusters(kind), OutputClusters(kind)) },
        ["friendly_name"] = device.FriendlyName,
        ["ieee_address"] = device.IeeeAddress,
        ["interview_completed"] = true,
        ["interview_state"] = "SUCCESSFUL",
        ["interviewing"] = false,
        ["manufacturer"] = model.Manufacturer,
        ["model_id"] = model.ModelId,
        ["network_address"] = device.NetworkAddress,
        ["power_source"] = model.Battery ? "Battery" : "Mains (single phase)",
        ["software_build_id"] = model.SoftwareBuildId,
        ["supported"] = true,
        ["type"] = device.ZigbeeType,
    };

    private static JsonArray Exposes(DeviceKind kind)
    {
        var exposes = kind switch
        {
            DeviceKind.Light => new JsonArray(
                Container("light", OnOffState("light"), Brightness(), ColorTemperature()),
                PowerOnBehavior()),
            DeviceKind.Plug => new JsonArray(
                Container("switch", OnOffState("switch")),
                Numeric("power", "Power", 5, "W", "Instantaneous measured power"),
                Numeric("energy", "Energy", 5, "kWh", "Sum of consumed energy"),
                PowerOnBehavior()),
            DeviceKind.Cover => new JsonArray(
                Container("cover",
                    Enum("state", "State", 3, ["OPEN", "CLOSE", "STOP"], null),
                    Numeric("position", "Position", 7, "%", "Position of this cover", 0, 100)),
                Battery()),
            DeviceKind.Thermostat => new JsonArray(
                Container("climate",
                    Numeric("occupied_heating_setpoint", "Occupied heating setpoint", 7, "°C", "Temperature setpoint", 5, 32, 0.5),
                    Numeric("local_temperature", "Local temperature", 5, "°C", "Current temperature measured on the device"),
                    Enum("system_mode", "System mode", 7, ["off", "auto", "heat"], "Mode of this device"),
                    Enum("running_state", "Running state", 5, ["idle", "heat"], "The current running state"))),
            DeviceKind.MotionSensor => new JsonArray(
                Binary("occupancy", "Occupancy", 1, true, false, "Indicates whether the device detected occupancy"),
                Numeric("illuminance", "Illuminance", 1, "lx", "Measured illuminance"),
                Battery(),
                Voltage()),
            DeviceKind.ContactSensor => new JsonArray(
                Binary("contact", "Contact", 1, false, true, "Indicates if the contact is closed (= true) or open (= false)"),
                Battery(),
                Voltage()),
            DeviceKind.ClimateSensor => new JsonArray(
                Numeric("temperature", "Temperature", 1, "°C", "Measured temperature value"),
                Numeric("humidity", "Humidity", 1, "%", "Measured relative humidity"),
                Battery(),
                Voltage()),
            DeviceKind.Remote => new JsonArray(
                Battery(),
                Enum("action", "Action", 1, ["on", "off", "brightness_move_down", "brightness_move_up", "brightness_stop"],
                    "Triggered action (e.g. a button click)")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        exposes.Add(Numeric("linkquality", "Linkquality", 1, "lqi", "Link quality (signal strength)", 0, 255, category: "diagnostic"));
        return exposes;
    }

    private static JsonObject Container(string type, params JsonObject[] features) =>
        new() { ["features"] = new JsonArray(features), ["type"] = type };

    private static JsonObject OnOffState(string of)
    {
        var state = Binary("state", "State", 7, "ON", "OFF", $"On/off state of this {of}");
        state["value_toggle"] = "TOGGLE";
        return state;
    }

    private static JsonObject Brightness() =>
        Numeric("brightness", "Brightness", 7, null, "Brightness of this light", 0, 254);

    private static JsonObject ColorTemperature() =>
        Numeric("color_temp", "Color temp", 7, "mired", "Color temperature of this light", 153, 454);

    private static JsonObject PowerOnBehavior() =>
        Enum("power_on_behavior", "Power-on behavior", 7, ["off", "on", "toggle", "previous"],
            "Controls the behavior when the device is powered on after power loss", "config");

    private static JsonObject Battery() =>
        Numeric("battery", "Battery", 1, "%", "Remaining battery in %, can take up to 24 hours before reported", 0, 100, category: "diagnostic");

    private static JsonObject Voltage() =>
        Numeric("voltage", "Voltage", 1, "mV", "Voltage of the battery in millivolts", category: "diagnostic");

    private static JsonObject Binary(string name, string label, int access, JsonNode valueOn, JsonNode valueOff, string description) => new()
    {
        ["access"] = access,
        ["description"] = description,
        ["label"] = label,
        ["name"] = name,
        ["property"] = name,
        ["type"] = "binary",
        ["value_off"] = valueOff,
        ["value_on"] = valueOn,
    };

    private static JsonObject Numeric(
        string name, string label, int access, string? unit, string description,
        double? min = null, double? max = null, double? step = null, string? category = null)
    {
        var node = new JsonObject
        {
            ["access"] = access,
            ["description"] = description,
            ["label"] = label,
            ["name"] = name,
            ["property"] = name,
            ["type"] = "numeric",
        };
        AddIfPresent(node, "category", category);
        AddIfPresent(node, "unit", unit);
        AddIfPresent(node, "value_min", min);
        AddIfPresent(node, "value_max", max);
        AddIfPresent(node, "value_step", step);
        return node;
    }

    private static JsonObject Enum(string name, string label, int access, string[] values, string? description, string? category = null)
    {
        var node = new JsonObject
        {
            ["access"] = access,
            ["label"] = label,
            ["name"] = name,
            ["property"] = name,
            ["type"] = "enum",
            ["values"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()),
        };
        AddIfPresent(node, "category", category);
        AddIfPresent(node, "description", description);
        return node;
    }

    private static void AddIfPresent(JsonObject node, string key, string? value)
    {
        if (value is not null)
        {
            node[key] = value;
        }
    }

    private static void AddIfPresent(JsonObject node, string key, double? value)
    {
        if (value is { } number)
        {
            node[key] = number == Math.Floor(number) ? JsonValue.Create((long)number) : JsonValue.Create(number);
        }
    }

    private static JsonObject Endpoint(string[] input, string[] output) => new()
    {
        ["bindings"] = new JsonArray(),
        ["clusters"] = new JsonObject
        {
            ["input"] = new JsonArray(input.Select(c => (JsonNode?)c).ToArray()),
            ["output"] = new JsonArray(output.Select(c => (JsonNode?)c).ToArray()),
        },
        ["configured_reportings"] = new JsonArray(),
        ["scenes"] = new JsonArray(),
    };

    private static string[] InputClusters(DeviceKind kind) => kind switch
    {
        DeviceKind.Light => ["genBasic", "genIdentify", "genGroups", "genScenes", "genOnOff", "genLevelCtrl", "lightingColorCtrl"],
        DeviceKind.Plug => ["genBasic", "genIdentify", "genGroups", "genScenes", "genOnOff", "haElectricalMeasurement", "seMetering"],
        DeviceKind.Cover => ["genBasic", "genPowerCfg", "genIdentify", "closuresWindowCovering"],
        DeviceKind.Thermostat => ["genBasic", "genIdentify", "hvacThermostat"],
        DeviceKind.MotionSensor => ["genBasic", "genPowerCfg", "msOccupancySensing", "msIlluminanceMeasurement"],
        DeviceKind.ContactSensor => ["genBasic", "genPowerCfg", "genOnOff"],
        DeviceKind.ClimateSensor => ["genBasic", "genPowerCfg", "msTemperatureMeasurement", "msRelativeHumidity"],
        DeviceKind.Remote => ["genBasic", "genPowerCfg", "genIdentify"],
        _ => [],
    };

    private static string[] OutputClusters(DeviceKind kind) => kind switch
    {
        DeviceKind.Remote => ["genOnOff", "genLevelCtrl", "genOta"],
        _ => ["genOta"],
    };
}
