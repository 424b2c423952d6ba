using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>Turns a <c>definition.exposes</c> tree into its leaf features, in expose order.</summary>
internal static class ExposeFlattener
{
    private static readonly FrozenSet<string> SpecificTypes =
        new[] { "light", "switch", "cover", "lock", "climate", "fan" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> GenericLeafTypes =
        new[] { "numeric", "enum", "binary", "text", "list" }.ToFrozenSet(StringComparer.Ordinal);

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

        var fields = ExposeNode.Read(node);
        var type = fields.Type;
        var endpoint = fields.Endpoint ?? scope.Endpoint;
        var hasFeatures = fields.Features.ValueKind == JsonValueKind.Array;

        if (type is not null && SpecificTypes.Contains(type))
        {
            return !hasFeatures || WalkAll(fields.Features, scope with { Container = type, Endpoint = endpoint, Depth = scope.Depth + 1 }, into);
        }

        if (type == "composite" && hasFeatures)
        {
            var property = fields.Property ?? fields.Name ?? string.Empty;
            var inner = scope with
            {
                Path = Join(scope.Path, fields.Name ?? property),
                StatePath = Join(scope.StatePath, property),
                Endpoint = endpoint,
                Depth = scope.Depth + 1,
            };
            return WalkAll(fields.Features, inner, into);
        }

        into.Add(Leaf(node, fields, scope, endpoint));
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

    private static DeviceFeature Leaf(JsonElement node, ExposeNode fields, Scope scope, string? endpoint)
    {
        var type = fields.Type;
        var known = type is not null && (GenericLeafTypes.Contains(type) || type == "composite");
        var property = fields.Property ?? fields.Name ?? string.Empty;
        return new DeviceFeature(
            Path: Join(scope.Path, fields.Name ?? property),
            Property: property,
            StatePath: Join(scope.StatePath, property),
            Type: known ? type! : "unknown",
            Access: FeatureAccess.FromBits(fields.Access ?? 0),
            Container: scope.Container,
            Endpoint: endpoint,
            Unit: fields.Unit,
            Min: fields.Min,
            Max: fields.Max,
            Step: fields.Step,
            Values: fields.Values.ValueKind == JsonValueKind.Array ? EnumValues(fields.Values) : null,
            ValueOn: fields.ValueOn,
            ValueOff: fields.ValueOff,
            Category: fields.Category,
            Label: fields.Label,
            ValueToggle: fields.ValueToggle,
            Description: fields.Description,
            ItemType: fields.ItemType.ValueKind == JsonValueKind.Object ? Json.String(fields.ItemType, "type") ?? "unknown" : null,
            Presets: Presets(fields.Presets),
            RawJson: known ? null : node.GetRawText());
    }

    private static string Join(string? prefix, string segment) => string.IsNullOrEmpty(prefix) ? segment : $"{prefix}.{segment}";

    private static List<string> EnumValues(JsonElement values)
    {
        var list = new List<string>(values.GetArrayLength());
        foreach (var value in values.EnumerateArray())
        {
            list.Add(value.ValueKind == JsonValueKind.String ? value.GetString()! : JsonValueText.ToPlain(JsonValueText.Of(value)) ?? "null");
        }

        return list;
    }

    private static List<FeaturePreset>? Presets(JsonElement presets)
    {
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
