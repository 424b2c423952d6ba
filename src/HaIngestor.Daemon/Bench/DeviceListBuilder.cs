using System.Globalization;
using System.Text.Json.Nodes;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// Builds a large <c>bridge/devices</c> payload from a real one: the Coordinator, then the other devices repeated
/// in turn, each copy with its own ieee address, network address and friendly name. Written compact, as
/// Zigbee2MQTT publishes it.
/// </summary>
public static class DeviceListBuilder
{
    public const string SampleRelativePath = "shared/data/z2m/bridge_devices_sample.json";

    /// <summary>
    /// The shared real sample (<c>../shared</c> from the repository root), looked for above the working directory
    /// and above the program; null when absent.
    /// </summary>
    public static string? FindSample()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SampleRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="count"/> devices (at least one) built from <paramref name="templateList"/>, a JSON array of
    /// devices; a Coordinator in it is kept once, first.
    /// </summary>
    public static byte[] Replicate(ReadOnlySpan<byte> templateList, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var templates = JsonNode.Parse(templateList) as JsonArray
            ?? throw new ArgumentException("the device list is not a JSON array", nameof(templateList));
        var coordinator = templates.OfType<JsonObject>().FirstOrDefault(IsCoordinator);
        var devices = templates.OfType<JsonObject>().Where(d => !IsCoordinator(d)).ToList();
        if (devices.Count == 0)
        {
            throw new ArgumentException("the device list has no device besides the Coordinator", nameof(templateList));
        }

        var output = new JsonArray();
        if (coordinator is not null)
        {
            output.Add(coordinator.DeepClone());
        }

        for (var i = 0; output.Count < count; i++)
        {
            var copy = (JsonObject)devices[i % devices.Count].DeepClone();
            var name = copy["friendly_name"]?.GetValue<string>() ?? "device";
            copy["ieee_address"] = "0x00124b" + i.ToString("x10", CultureInfo.InvariantCulture);
            copy["network_address"] = 1 + (i % 0xFFF7);
            copy["friendly_name"] = $"{name} {i + 1}";
            output.Add(copy);
        }

        return System.Text.Encoding.UTF8.GetBytes(output.ToJsonString());
    }

    private static bool IsCoordinator(JsonObject device) =>
        device["type"] is JsonValue type && type.TryGetValue<string>(out var text) && text == "Coordinator";
}
