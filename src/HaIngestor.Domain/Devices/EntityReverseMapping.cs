using System.Globalization;
using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// The reverse of <see cref="EntityMapping"/>: from a Home Assistant entity and its state or attributes back to the
/// Zigbee2MQTT device features and their values (canonical JSON text, as a state payload carries them).
/// </summary>
public static class EntityReverseMapping
{
    /// <summary>Every entity the devices map to, by entity id. When two features claim one id, the first wins.</summary>
    public static IReadOnlyDictionary<string, EntityTarget> Index(IEnumerable<ZigbeeDevice> devices)
    {
        var index = new Dictionary<string, EntityTarget>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            foreach (var feature in device.Features)
            {
                if (EntityMapping.EntityIdOf(device, feature) is not { } entityId || index.ContainsKey(entityId))
                {
                    continue;
                }

                var siblings = feature.Container is { } container
                    ? device.Features.Where(f => !ReferenceEquals(f, feature)
                        && ((f.Container == container && f.Endpoint == feature.Endpoint) || f.Container is null)).ToList()
                    : [];
                index[entityId] = new EntityTarget(device, feature, siblings);
            }
        }

        return index;
    }

    /// <summary>
    /// The feature value that gives <paramref name="haState"/> (the one value <see cref="EntityMapping.StateOf"/> maps
    /// to it), or null when none does (a cover's <c>opening</c>, <c>unavailable</c>).
    /// </summary>
    public static string? ValueOfState(DeviceFeature feature, string haState)
    {
        foreach (var candidate in Candidates(feature, haState))
        {
            if (string.Equals(EntityMapping.StateOf(feature, candidate), haState, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The features an attribute of the entity carries, with their values: <c>brightness</c>, <c>color_temp</c> /
    /// <c>color_temp_kelvin</c>, <c>xy_color</c> / <c>hs_color</c>, <c>effect</c>, <c>current_position</c>,
    /// <c>current_tilt_position</c>, <c>temperature</c> (setpoint), <c>current_temperature</c>, <c>preset_mode</c>,
    /// <c>fan_mode</c>, <c>percentage</c>. Empty for any other attribute or a null or unreadable value.
    /// </summary>
    public static IReadOnlyList<(DeviceFeature Feature, string Value)> FeaturesOfAttribute(EntityTarget target, string attribute, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var container = target.StateFeature.Container;
        DeviceFeature? Sibling(string path) => target.Siblings.FirstOrDefault(f => f.Path == path && f.Container == container)
            ?? target.Siblings.FirstOrDefault(f => f.Path == path && f.Container is null);

        (DeviceFeature, string)[] One(DeviceFeature? feature, string? json) => feature is null || json is null ? [] : [(feature, json)];

        return (container, attribute) switch
        {
            ("light", "brightness") => One(Sibling("brightness"), Scaled(value, Sibling("brightness"), 255)),
            ("light", "color_temp") => One(Sibling("color_temp"), Number(value)),
            ("light", "color_temp_kelvin") => One(Sibling("color_temp"), Mireds(value)),
            ("light", "xy_color") => Pair(value, Sibling("color_xy.x"), Sibling("color_xy.y")),
            ("light", "hs_color") => Pair(value, Sibling("color_hs.hue"), Sibling("color_hs.saturation")),
            ("light" or "fan", "effect") => One(Sibling("effect"), EnumValue(value, Sibling("effect"))),
            ("cover", "current_position") => One(Sibling("position"), Number(value)),
            ("cover", "current_tilt_position") => One(Sibling("tilt"), Number(value)),
            ("climate", "temperature") => One(Setpoint(target), Number(value)),
            ("climate", "current_temperature") => One(Sibling("local_temperature"), Number(value)),
            ("climate", "preset_mode") => One(Sibling("preset"), EnumValue(value, Sibling("preset"))),
            ("climate", "fan_mode") => One(Sibling("fan_mode"), EnumValue(value, Sibling("fan_mode"))),
            ("fan", "preset_mode") => One(Sibling("mode"), EnumValue(value, Sibling("mode"))),
            ("fan", "percentage") => One(Sibling("speed"), Scaled(value, Sibling("speed"), 100)),
            _ => [],
        };
    }

    /// <summary>
    /// Whether to skip <paramref name="attribute"/> because another attribute of the same line says the same in the
    /// device's terms: HA reports a colour light's colour as xy and hs, and its colour temperature in mireds and kelvin.
    /// </summary>
    public static bool IsRedundant(EntityTarget target, string attribute, IReadOnlyDictionary<string, JsonElement> attributes) => attribute switch
    {
        "hs_color" => attributes.ContainsKey("xy_color") && target.Siblings.Any(f => f.Path == "color_xy.x"),
        "color_temp" => attributes.ContainsKey("color_temp_kelvin"),
        _ => false,
    };

    private static DeviceFeature? Setpoint(EntityTarget target) =>
        new[] { "occupied_heating_setpoint", "current_heating_setpoint", "occupied_cooling_setpoint" }
            .Select(p => target.Siblings.FirstOrDefault(f => f.Path == p && f.Container == "climate"))
            .FirstOrDefault(f => f is not null);

    private static IEnumerable<string> Candidates(DeviceFeature feature, string haState)
    {
        foreach (var known in new[] { feature.ValueOn, feature.ValueOff, feature.ValueToggle })
        {
            if (known is not null)
            {
                yield return known;
            }
        }

        foreach (var value in feature.Values ?? [])
        {
            yield return JsonValueText.Quote(value);
        }

        foreach (var word in new[] { "OPEN", "CLOSE", "LOCK", "UNLOCK" })
        {
            yield return JsonValueText.Quote(word);
        }

        if (feature.Type == "numeric" && double.TryParse(haState, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            yield return number.ToString(CultureInfo.InvariantCulture);
        }

        yield return JsonValueText.Quote(haState);
    }

    private static (DeviceFeature, string)[] Pair(JsonElement value, DeviceFeature? first, DeviceFeature? second)
    {
        if (first is null || second is null || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2
            || Number(value[0]) is not { } a || Number(value[1]) is not { } b)
        {
            return [];
        }

        return [(first, a), (second, b)];
    }

    private static string? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>HA's brightness is 0–255 and a fan's percentage 0–100; Zigbee2MQTT's range is the feature's own.</summary>
    private static string? Scaled(JsonElement value, DeviceFeature? feature, double haMax)
    {
        if (feature is null || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return null;
        }

        var max = feature.Max ?? haMax;
        return Math.Round(number * max / haMax).ToString(CultureInfo.InvariantCulture);
    }

    private static string? Mireds(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var kelvin) && kelvin > 0
            ? Math.Round(1_000_000 / kelvin).ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>The device's own spelling of an enum value (HA lowercases some), quoted.</summary>
    private static string? EnumValue(JsonElement value, DeviceFeature? feature)
    {
        if (feature is null || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            return null;
        }

        var own = feature.Values?.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase));
        return JsonValueText.Quote(own ?? text);
    }
}
