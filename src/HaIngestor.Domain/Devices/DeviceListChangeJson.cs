using System.Text.Json;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Devices;

/// <summary>The JSON of a device-list change, the payload of <c>&lt;base&gt;/events/device</c>.</summary>
public static class DeviceListChangeJson
{
    public static void Write(Utf8JsonWriter writer, DeviceListChange change)
    {
        writer.WriteStartObject();
        writer.WriteString("event", change.KindName);
        writer.WriteString("at", IsoUtc.Format(change.At));
        writer.WriteString("ieee_address", change.IeeeAddress);
        writer.WriteString("friendly_name", change.FriendlyName);
        if (change.PreviousFriendlyName is { } previous)
        {
            writer.WriteString("previous_friendly_name", previous);
        }

        WriteStrings(writer, "added_features", change.AddedFeatures);
        WriteStrings(writer, "removed_features", change.RemovedFeatures);
        writer.WriteEndObject();
    }

    public static byte[] ToUtf8(DeviceListChange change)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, change);
        }

        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
