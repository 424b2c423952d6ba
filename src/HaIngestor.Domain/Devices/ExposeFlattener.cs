using System.Globalization;
using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>Turns a <c>definition.exposes</c> tree into its leaf features, in expose order.</summary>
internal static class ExposeFlattener
{
    private static readonly HashSet<string> SpecificTypes = new(StringComparer.Ordinal)
    {
        "light", "switch", "cover", "lock", "climate", "fan",
    };

    private static readonly HashSet<string> GenericLeafTypes = new(StringComparer.Ordinal)
    {
        "numeric", "enum", "binary", "text", "list",
    };

    private readonly record struct Scope(string? Path, string? StatePath, string? Container, string? Endpoint, int Depth);

    /// <summary>Flattens <paramref name="exposes"/> (an array); false with <paramref name="error"/> when it nests too deep.</summary>
    public static bool TryFlatten(JsonElement exposes, List<DeviceFeature> into, out string? error)
    {
        foreach (var node in exposes.EnumerateArray())
        {
            if (!Walk(node, new Scope(null, null, null, null, 1), into))
            {
                error = $"exposes nest deeper than {BridgeDevicesParser.MaxExposeNesting} levels";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool Walk(JsonElement node, Scope scope, List<DeviceFeature> into)
    {
        if (scope.Depth > BridgeDevicesParser.MaxExposeNesting)
        {
            return false;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var type = Json.String(node, "type");
        var endpoint = EndpointOf(node) ?? scope.Endpoint;
        var hasFeatures = node.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array;

        if (type is not null && SpecificTypes.Contains(type))
        {
            return !hasFeatures || WalkAll(features, scope with { Container = type, Endpoint = endpoint, Depth = scope.Depth + 1 }, into);
        }

        if (type == "composite" && hasFeatures)
        {
            var name = Json.String(node, "name");
            var property = Json.String(node, "property") ?? name ?? string.Empty;
            var inner = scope with
            {
                Path = Join(scope.Path, name ?? property),
                StatePath = Join(scope.StatePath, property),
                Endpoint = endpoint,
                Depth = scope.Depth + 1,
            };
            return WalkAll(features, inner, into);
        }

        into.Add(Leaf(node, type, scope, endpoint));
        return true;
    }

    private static bool WalkAll(JsonElement features, Scope scope, List<DeviceFeature> into)
    {
        foreach (var child in features.EnumerateArray())
        {
            if (!Walk(child, scope, into))
            {
                return false;
            }
        }

        return true;
    }

    private static DeviceFeature Leaf(JsonElement node, string? type, Scope scope, string? endpoint)
    {
        var known = type is not null && (GenericLeafTypes.Contains(type) || type == "composite");
        var name = Json.String(node, "name");
        var property = Json.String(node, "property") ?? name ?? string.Empty;
        return new DeviceFeature(
            Path: Join(scope.Path, name ?? property),
            Property: property,
            StatePath: Join(scope.StatePath, property),
            Type: known ? type! : "unknown",
            Access: FeatureAccess.FromBits(Json.Int(node, "access") ?? 0),
            Container: scope.Container,
            Endpoint: endpoint,
            Unit: Json.String(node, "unit"),
            Min: Json.Double(node, "value_min"),
            Max: Json.Double(node, "value_max"),
            Step: Json.Double(node, "value_step"),
            Values: EnumValues(node),
            ValueOn: Json.ValueText(node, "value_on"),
            ValueOff: Json.ValueText(node, "value_off"),
            Category: Json.String(node, "category"),
            Label: Json.String(node, "label"),
            ValueToggle: Json.ValueText(node, "value_toggle"),
            Description: Json.String(node, "description"),
            ItemType: node.TryGetProperty("item_type", out var item) && item.ValueKind == JsonValueKind.Object ? Json.String(item, "type") ?? "unknown" : null,
            Presets: Presets(node),
            RawJson: known ? null : node.GetRawText());
    }

    private static string Join(string? prefix, string segment) => string.IsNullOrEmpty(prefix) ? segment : $"{prefix}.{segment}";

    private static string? EndpointOf(JsonElement node) =>
        node.TryGetProperty("endpoint", out var endpoint)
            ? endpoint.ValueKind switch
            {
                JsonValueKind.String => endpoint.GetString(),
                JsonValueKind.Number => endpoint.GetRawText(),
                _ => null,
            }
            : null;

    private static IReadOnlyList<string>? EnumValues(JsonElement node)
    {
        if (!node.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            list.Add(JsonValueText.ToPlain(JsonValueText.Of(value)) ?? "null");
        }

        return list;
    }

    private static IReadOnlyList<FeaturePreset>? Presets(JsonElement node)
    {
        if (!node.TryGetProperty("presets", out var presets))
        {
            return null;
        }

        var entries = presets.ValueKind switch
        {
            JsonValueKind.Array => presets.EnumerateArray().ToList(),
            // Cloned exposes serialise their preset array as an object keyed "0", "1", …, sorted as text.
            JsonValueKind.Object => presets.EnumerateObject()
                .Select((p, i) => (Index: int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue, Order: i, p.Value))
                .OrderBy(p => p.Index).ThenBy(p => p.Order)
                .Select(p => p.Value)
                .ToList(),
            _ => null,
        };
        if (entries is null)
        {
            return null;
        }

        var list = new List<FeaturePreset>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.ValueKind == JsonValueKind.Object)
            {
                list.Add(new FeaturePreset(
                    Json.String(entry, "name") ?? string.Empty,
                    Json.ValueText(entry, "value") ?? "null",
                    Json.String(entry, "description")));
            }
        }

        return list;
    }
}
