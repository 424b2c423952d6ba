using System.Text.Json;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>The shared Zigbee2MQTT sample files (../shared/data/z2m beside the repository), parsed once.</summary>
internal static class Z2mSample
{
    private static readonly Lazy<string> Directory = new(FindDirectory);
    private static readonly Lazy<byte[]> DevicesBytes = new(() => File.ReadAllBytes(System.IO.Path.Combine(Directory.Value, "bridge_devices_sample.json")));
    private static readonly Lazy<BridgeDevicesParseResult> Parsed = new(() => BridgeDevicesParser.Parse(DevicesBytes.Value));

    public static byte[] BridgeDevicesJson => DevicesBytes.Value;

    public static BridgeDevicesParseResult Devices => Parsed.Value;

    public static ZigbeeDevice Device(string friendlyName) => Devices.Devices.Single(d => d.FriendlyName == friendlyName);

    /// <summary>Each line of device_states_sample.jsonl: the friendly name from the topic and the payload bytes.</summary>
    public static IReadOnlyList<(string FriendlyName, byte[] Payload)> StateMessages()
    {
        var messages = new List<(string, byte[])>();
        foreach (var line in File.ReadLines(System.IO.Path.Combine(Directory.Value, "device_states_sample.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var topic = document.RootElement.GetProperty("topic").GetString()!;
            var payload = JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("payload"));
            messages.Add((topic["zigbee2mqtt/".Length..], payload));
        }

        return messages;
    }

    /// <summary>The device elements of the sample re-serialised compactly, one JSON object each, in file order.</summary>
    public static IReadOnlyList<string> CompactDeviceElements()
    {
        using var document = JsonDocument.Parse(DevicesBytes.Value);
        return document.RootElement.EnumerateArray().Select(e => JsonSerializer.Serialize(e)).ToList();
    }

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "z2m");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/data/z2m above {AppContext.BaseDirectory}");
    }
}
