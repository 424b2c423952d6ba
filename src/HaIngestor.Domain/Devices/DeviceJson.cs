using System.Text.Json;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// The JSON forms of devices, their features and their usage, shared by the <c>devices</c> verb and the REST API.
/// Values are written as the JSON they are (a state value <c>"ON"</c> stays a string, <c>254</c> a number).
/// </summary>
public static class DeviceJson
{
    /// <summary><c>{"devices":N,"features":N,"by_type":{...}}</c>; features are leaves, so a composite counts its leaves.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, IReadOnlyList<ZigbeeDevice> devices)
    {
        writer.WriteStartObject();
        writer.WriteNumber("devices", devices.Count);
        writer.WriteNumber("features", devices.Sum(d => d.Features.Count));
        writer.WriteStartObject("by_type");
        foreach (var group in devices.SelectMany(d => d.Features).GroupBy(f => f.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(group.Key, group.Count());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A device with its features and, when <paramref name="usage"/> is given, its usage.</summary>
    public static void WriteDevice(Utf8JsonWriter writer, ZigbeeDevice device, DeviceSnapshot? usage, UsageWindow? window = null)
    {
        writer.WriteStartObject();
        WriteIdentity(writer, device);
        WriteFeatures(writer, device);
        if (usage is not null)
        {
            writer.WritePropertyName("usage");
            WriteUsage(writer, usage, window);
        }

        writer.WriteEndObject();
    }

    /// <summary>The identity fields of a device, inside an object the caller opened.</summary>
    public static void WriteIdentity(Utf8JsonWriter writer, ZigbeeDevice device)
    {
        writer.WriteString("ieee_address", device.IeeeAddress);
        writer.WriteString("friendly_name", device.FriendlyName);
        writer.WriteString("type", device.Type);
        WriteOptional(writer, "model", device.Model);
        WriteOptional(writer, "vendor", device.Vendor);
        WriteOptional(writer, "description", device.Description);
        writer.WriteBoolean("supported", device.Supported);
        writer.WriteBoolean("disabled", device.Disabled);
        writer.WriteString("interview_state", device.InterviewState);
    }

    /// <summary><c>"features":[...]</c>, inside an object the caller opened.</summary>
    public static void WriteFeatures(Utf8JsonWriter writer, ZigbeeDevice device)
    {
        writer.WriteStartArray("features");
        foreach (var feature in device.Features)
        {
            WriteFeature(writer, device, feature);
        }

        writer.WriteEndArray();
    }

    public static void WriteFeature(Utf8JsonWriter writer, ZigbeeDevice device, DeviceFeature feature)
    {
        writer.WriteStartObject();
        writer.WriteString("path", feature.Path);
        writer.WriteString("property", feature.Property);
        writer.WriteString("state_path", feature.StatePath);
        writer.WriteString("type", feature.Type);
        writer.WriteStartObject("access");
        writer.WriteBoolean("state", feature.Access.State);
        writer.WriteBoolean("set", feature.Access.Set);
        writer.WriteBoolean("get", feature.Access.Get);
        writer.WriteEndObject();
        writer.WriteString("role", RoleName(feature.Role));
        WriteOptional(writer, "unit", feature.Unit);
        WriteOptional(writer, "min", feature.Min);
        WriteOptional(writer, "max", feature.Max);
        WriteOptional(writer, "step", feature.Step);
        writer.WritePropertyName("values");
        if (feature.Values is { } values)
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNullValue();
        }

        WriteOptional(writer, "category", feature.Category);
        WriteOptional(writer, "endpoint", feature.Endpoint);
        WriteOptional(writer, "container", feature.Container);
        WriteOptional(writer, "label", feature.Label);
        WriteOptional(writer, "item_type", feature.ItemType);
        WriteOptional(writer, "entity_id", EntityMapping.EntityIdOf(device, feature));
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>{"utilisation":r|null,"controllable":N,"used":N,"unused":[...],"by_origin":{...},"window":{...}|null,
    /// "last_seen":t|null,"features":{path:{...}}}</c>: utilisation over the controllable features (ever used), the
    /// same over the local days of <paramref name="window"/> when one is given, and per property its changes (in total,
    /// by origin, and within the window), distinct values, last value and time.
    /// </summary>
    public static void WriteUsage(Utf8JsonWriter writer, DeviceSnapshot snapshot, UsageWindow? window = null)
    {
        var utilisation = snapshot.Utilisation();
        writer.WriteStartObject();
        WriteUtilisation(writer, utilisation);
        writer.WritePropertyName("by_origin");
        WriteOrigins(writer, snapshot.Usage.Values.Aggregate(OriginCounts.None, (sum, u) => sum.Add(u.ByOrigin)));
        if (window is null)
        {
            writer.WriteNull("window");
        }
        else
        {
            WriteWindow(writer, snapshot, window);
        }

        WriteOptional(writer, "last_seen", snapshot.LastSeen is { } seen ? IsoUtc.Format(seen) : null);
        writer.WriteStartObject("features");
        foreach (var (path, usage) in snapshot.Usage.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(path);
            writer.WriteNumber("changes", usage.ChangeCount);
            writer.WritePropertyName("by_origin");
            WriteOrigins(writer, usage.ByOrigin);
            if (window is not null)
            {
                writer.WritePropertyName("window_by_origin");
                WriteOrigins(writer, usage.In(window));
            }

            writer.WriteNumber("distinct", usage.DistinctValues.Count);
            writer.WritePropertyName("last_value");
            WriteValue(writer, usage.LastValue);
            WriteOptional(writer, "last_changed", usage.LastChanged is { } changed ? IsoUtc.Format(changed) : null);
            writer.WriteStartArray("values");
            foreach (var value in usage.DistinctValues)
            {
                WriteValue(writer, value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary><c>{"human":N,"automation":N,"device":N,"commanded":N,"unknown":N,"total":N}</c>.</summary>
    public static void WriteOrigins(Utf8JsonWriter writer, OriginCounts counts)
    {
        writer.WriteStartObject();
        foreach (var origin in UsageOrigins.All)
        {
            writer.WriteNumber(UsageOrigins.Name(origin), counts[origin]);
        }

        writer.WriteNumber("total", counts.Total);
        writer.WriteEndObject();
    }

    /// <summary><c>"window":{"from":"yyyy-MM-dd","to":"yyyy-MM-dd" (excluded),"utilisation","controllable","used","unused":[...]}</c>.</summary>
    private static void WriteWindow(Utf8JsonWriter writer, DeviceSnapshot snapshot, UsageWindow window)
    {
        var utilisation = snapshot.Utilisation(window);
        writer.WriteStartObject("window");
        WriteWindowBounds(writer, window);
        WriteUtilisation(writer, utilisation);
        writer.WriteEndObject();
    }

    /// <summary><c>"utilisation":r|null,"controllable":N,"used":N,"unused":[...]</c>.</summary>
    private static void WriteUtilisation(Utf8JsonWriter writer, DeviceUtilisation utilisation)
    {
        WriteOptional(writer, "utilisation", utilisation.Ratio is { } ratio ? Math.Round(ratio, 4) : null);
        writer.WriteNumber("controllable", utilisation.Controllable.Count);
        writer.WriteNumber("used", utilisation.Used.Count);
        writer.WriteStartArray("unused");
        foreach (var path in utilisation.Unused)
        {
            writer.WriteStringValue(path);
        }

        writer.WriteEndArray();
    }

    /// <summary><c>"from"</c> and <c>"to"</c> (excluded) as local dates.</summary>
    public static void WriteWindowBounds(Utf8JsonWriter writer, UsageWindow window)
    {
        writer.WriteString("from", window.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("to", window.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static string RoleName(FeatureRole role) => role switch
    {
        FeatureRole.Controllable => "controllable",
        FeatureRole.Observable => "observable",
        FeatureRole.Configuration => "configuration",
        FeatureRole.Diagnostic => "diagnostic",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown feature role"),
    };

    /// <summary>A value kept as canonical JSON text, written as that JSON; text that is not JSON is written as a string.</summary>
    private static void WriteValue(Utf8JsonWriter writer, string? jsonText)
    {
        if (jsonText is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            writer.WriteRawValue(jsonText, skipInputValidation: false);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            writer.WriteStringValue(jsonText);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
