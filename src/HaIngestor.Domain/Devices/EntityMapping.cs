namespace HaIngestor.Domain.Devices;

/// <summary>
/// Which features of a Zigbee2MQTT device become Home Assistant entities and what state a value gives them
/// (the table of ENTITY_MAPPING.md). Everything else is tracked in feature usage only.
/// </summary>
public static class EntityMapping
{
    private enum StateRule
    {
        OnOff,
        Cover,
        Lock,
        Lowercase,
        Action,
        Value,
    }

    private readonly record struct Rule(string Domain, string? Suffix, StateRule State);

    /// <summary>The entity id <paramref name="feature"/> of <paramref name="device"/> maps to, or null when it is no entity.</summary>
    public static string? EntityIdOf(ZigbeeDevice device, DeviceFeature feature) =>
        RuleOf(feature) is { } rule
            ? EntityNaming.EntityId(rule.Domain, EntityNaming.DeviceSlug(device.FriendlyName, device.IeeeAddress), rule.Suffix)
            : null;

    /// <summary>
    /// Maps a value (canonical JSON text) of <paramref name="feature"/> to its entity and HA state. False when the
    /// feature is no entity or the value gives no state (a cover's STOP, an empty action, an unknown binary value).
    /// </summary>
    public static bool TryMap(ZigbeeDevice device, DeviceFeature feature, string jsonValue, out string entityId, out string state)
    {
        entityId = string.Empty;
        state = string.Empty;
        if (RuleOf(feature) is not { } rule || StateOf(rule.State, feature, jsonValue) is not { } mapped)
        {
            return false;
        }

        entityId = EntityNaming.EntityId(rule.Domain, EntityNaming.DeviceSlug(device.FriendlyName, device.IeeeAddress), rule.Suffix);
        state = mapped;
        return true;
    }

    /// <summary>The HA state a value gives the entity of <paramref name="feature"/>, or null (no entity, or no state).</summary>
    public static string? StateOf(DeviceFeature feature, string jsonValue) =>
        RuleOf(feature) is { } rule ? StateOf(rule.State, feature, jsonValue) : null;

    private static Rule? RuleOf(DeviceFeature feature)
    {
        if (DeviceStatePayload.IsIgnoredKey(feature.StatePath)
            || feature.Category is "config" or "diagnostic"
            || feature.Type is not ("binary" or "numeric" or "enum")
            || feature.Path.Contains('.'))
        {
            return null;
        }

        return feature.Container is { } container ? ContainerRule(container, feature) : TopLevelRule(feature);
    }

    private static Rule? ContainerRule(string container, DeviceFeature feature)
    {
        var name = feature.Path;
        var endpoint = feature.Endpoint;
        return container switch
        {
            "light" when name == "state" && feature.Type == "binary" => new Rule("light", endpoint, StateRule.OnOff),
            "switch" when name == "state" && feature.Type == "binary" => new Rule("switch", endpoint, StateRule.OnOff),
            "fan" when name == "state" => new Rule("fan", endpoint, StateRule.OnOff),
            "cover" when name == "state" => new Rule("cover", endpoint, StateRule.Cover),
            "lock" when name == "state" => new Rule("lock", endpoint, StateRule.Lock),
            "climate" when name == "system_mode" => new Rule("climate", endpoint, StateRule.Lowercase),
            _ => null,
        };
    }

    private static Rule? TopLevelRule(DeviceFeature feature)
    {
        var access = feature.Access;
        return feature.Type switch
        {
            "binary" when access.Set => new Rule("switch", feature.Property, StateRule.OnOff),
            "binary" when access.State => new Rule("binary_sensor", feature.Property, StateRule.OnOff),
            "enum" when feature.Property == "action" && access.State && !access.Set => new Rule("sensor", feature.Property, StateRule.Action),
            "numeric" or "enum" when access.State && !access.Set => new Rule("sensor", feature.Property, StateRule.Value),
            "numeric" when access.Set => new Rule("number", feature.Property, StateRule.Value),
            "enum" when access.Set => new Rule("select", feature.Property, StateRule.Value),
            _ => null,
        };
    }

    private static string? StateOf(StateRule rule, DeviceFeature feature, string jsonValue) => rule switch
    {
        StateRule.OnOff => jsonValue == feature.ValueOn ? "on" : jsonValue == feature.ValueOff ? "off" : null,
        StateRule.Cover => JsonValueText.ToPlain(jsonValue) switch
        {
            "OPEN" => "open",
            "CLOSE" => "closed",
            _ => null,
        },
        StateRule.Lock => JsonValueText.ToPlain(jsonValue) switch
        {
            "LOCK" => "locked",
            "UNLOCK" => "unlocked",
            _ => null,
        },
        StateRule.Lowercase => JsonValueText.ToPlain(jsonValue)?.ToLowerInvariant(),
        StateRule.Action => JsonValueText.ToPlain(jsonValue) is { Length: > 0 } action ? action : null,
        _ => JsonValueText.ToPlain(jsonValue),
    };
}
