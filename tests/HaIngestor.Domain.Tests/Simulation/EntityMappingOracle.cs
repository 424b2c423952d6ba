using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HaIngestor.Domain.Tests.Simulation;

/// <summary>
/// An independent reading of ENTITY_MAPPING.md for the tests: which HA entities a bridge/devices entry has, and
/// which states a state payload gives them.
/// </summary>
internal static partial class EntityMappingOracle
{
    private static readonly HashSet<string> Containers = ["light", "switch", "fan", "cover", "lock", "climate"];

    public sealed record MappedEntity(string EntityId, string Property, string Mapping, string? ValueOn, string? ValueOff);

    public static string Slug(string friendlyName, string ieee)
    {
        var stripped = new string(friendlyName.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
        var slug = NonSlug().Replace(stripped, "_").Trim('_');
        return slug.Length > 0 ? slug : ieee[2..];
    }

    /// <summary>Friendly name → its entities, for every device with a definition.</summary>
    public static Dictionary<string, List<MappedEntity>> Entities(JsonElement devices)
    {
        var result = new Dictionary<string, List<MappedEntity>>();
        foreach (var device in devices.EnumerateArray())
        {
            if (!device.TryGetProperty("definition", out var definition))
            {
                continue;
            }

            var name = device.GetProperty("friendly_name").GetString()!;
            var slug = Slug(name, device.GetProperty("ieee_address").GetString()!);
            var entities = new List<MappedEntity>();
            foreach (var expose in definition.GetProperty("exposes").EnumerateArray())
            {
                var type = expose.GetProperty("type").GetString()!;
                if (Containers.Contains(type))
                {
                    var suffix = expose.TryGetProperty("endpoint", out var ep) ? "_" + Slug(ep.GetString()!, "0x") : "";
                    var wanted = type == "climate" ? "system_mode" : "state";
                    foreach (var feature in expose.GetProperty("features").EnumerateArray())
                    {
                        if (feature.GetProperty("name").GetString() == wanted)
                        {
                            entities.Add(new MappedEntity($"{type}.{slug}{suffix}", feature.GetProperty("property").GetString()!, type,
                                Raw(feature, "value_on"), Raw(feature, "value_off")));
                        }
                    }

                    continue;
                }

                var property = expose.TryGetProperty("property", out var p) ? p.GetString()! : "";
                var category = expose.TryGetProperty("category", out var c) ? c.GetString() : null;
                if (property is "" or "linkquality" or "last_seen" or "update" || category is "config" or "diagnostic"
                    || type is "text" or "list" or "composite")
                {
                    continue;
                }

                var access = expose.GetProperty("access").GetInt32();
                var state = (access & 1) != 0;
                var settable = (access & 2) != 0;
                switch (type)
                {
                    case "binary" when settable:
                        entities.Add(new MappedEntity($"switch.{slug}_{property}", property, "binary", Raw(expose, "value_on"), Raw(expose, "value_off")));
                        break;
                    case "binary" when state:
                        entities.Add(new MappedEntity($"binary_sensor.{slug}_{property}", property, "binary", Raw(expose, "value_on"), Raw(expose, "value_off")));
                        break;
                    case "enum" when property == "action" && state && !settable:
                        entities.Add(new MappedEntity($"sensor.{slug}_action", property, "action", null, null));
                        break;
                    case "numeric" or "enum" when state && !settable:
                        entities.Add(new MappedEntity($"sensor.{slug}_{property}", property, "value", null, null));
                        break;
                    case "numeric" when settable:
                        entities.Add(new MappedEntity($"number.{slug}_{property}", property, "value", null, null));
                        break;
                    case "enum" when settable:
                        entities.Add(new MappedEntity($"select.{slug}_{property}", property, "value", null, null));
                        break;
                }
            }

            result[name] = entities;
        }

        return result;
    }

    /// <summary>Entity id → state for every entity the payload gives a state.</summary>
    public static Dictionary<string, string> States(IEnumerable<MappedEntity> entities, JsonElement payload)
    {
        var states = new Dictionary<string, string>();
        foreach (var entity in entities)
        {
            if (!payload.TryGetProperty(entity.Property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            string? state = entity.Mapping switch
            {
                "light" or "switch" or "fan" or "binary" =>
                    value.GetRawText() == entity.ValueOn ? "on" : value.GetRawText() == entity.ValueOff ? "off" : null,
                "cover" => value.GetString() switch { "OPEN" => "open", "CLOSE" => "closed", _ => null },
                "lock" => value.GetString() switch { "LOCK" => "locked", "UNLOCK" => "unlocked", _ => null },
                "climate" => value.GetString()?.ToLowerInvariant(),
                "action" => value.GetString() is { Length: > 0 } action ? action : null,
                _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
            };
            if (state is not null)
            {
                states[entity.EntityId] = state;
            }
        }

        return states;
    }

    private static string? Raw(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
