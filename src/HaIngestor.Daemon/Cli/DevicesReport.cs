using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// What the <c>devices</c> verb shows: a parsed device list and, when state messages were replayed, each device's
/// usage, built exactly as the device actors build it (<see cref="DeviceSnapshot"/>).
/// </summary>
/// <param name="Parsed">The parser's devices and errors.</param>
/// <param name="Usage">Snapshot per ieee address after the replay; null when no states were given.</param>
/// <param name="StateMessages">State lines applied to a device.</param>
/// <param name="StateProblems">State lines skipped, with why (line number first).</param>
public sealed record DevicesReport(
    BridgeDevicesParseResult Parsed,
    IReadOnlyDictionary<string, DeviceSnapshot>? Usage,
    int StateMessages,
    IReadOnlyList<string> StateProblems)
{
    /// <summary>Parses <paramref name="bridgeDevices"/> and replays <paramref name="stateLines"/> (<c>{"topic","payload"}</c> per line) at <paramref name="at"/>.</summary>
    public static DevicesReport Build(byte[] bridgeDevices, IEnumerable<string>? stateLines, string zigbeeBaseTopic, DateTimeOffset at)
    {
        var parsed = BridgeDevicesParser.Parse(bridgeDevices);
        if (stateLines is null)
        {
            return new DevicesReport(parsed, null, 0, []);
        }

        var byName = new Dictionary<string, ZigbeeDevice>(StringComparer.Ordinal);
        foreach (var device in parsed.Devices)
        {
            byName[device.FriendlyName] = device;
        }

        var snapshots = parsed.Devices.ToDictionary(d => d.IeeeAddress, d => DeviceSnapshot.Empty.WithDefinition(d), StringComparer.Ordinal);
        var prefix = zigbeeBaseTopic + "/";
        var applied = 0;
        var problems = new List<string>();
        var number = 0;
        foreach (var line in stateLines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (ReadLine(line) is not ({ } topic, { } payload))
            {
                problems.Add($"{number}: not a {{\"topic\",\"payload\"}} object");
                continue;
            }

            if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !byName.TryGetValue(topic[prefix.Length..], out var device))
            {
                problems.Add($"{number}: {topic} names no device of the list");
                continue;
            }

            if (!DeviceStatePayload.TryFlatten(payload, out var values, out var error))
            {
                problems.Add($"{number}: {topic}: {error}");
                continue;
            }

            var snapshot = snapshots[device.IeeeAddress];
            snapshots[device.IeeeAddress] = snapshot.Apply(snapshot.Diff(values), at);
            applied++;
        }

        return new DevicesReport(parsed, snapshots, applied, problems);
    }

    /// <summary>The verb's JSON: <c>{"summary":{...},"devices":[...],"errors":[...]}</c>.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("summary");
        DeviceJson.WriteSummary(writer, Parsed.Devices);
        if (Usage is not null)
        {
            var home = HomeUtilisation.Of(Usage.Values);
            writer.WriteStartObject("usage");
            writer.WriteNumber("state_messages", StateMessages);
            writer.WriteNumber("skipped_lines", StateProblems.Count);
            writer.WriteNumber("controllable", home.Controllable);
            writer.WriteNumber("used", home.Used);
            if (home.Ratio is { } ratio)
            {
                writer.WriteNumber("utilisation", Math.Round(ratio, 4));
            }
            else
            {
                writer.WriteNull("utilisation");
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("devices");
        foreach (var device in Parsed.Devices)
        {
            DeviceJson.WriteDevice(writer, device, Usage?.GetValueOrDefault(device.IeeeAddress));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach (var error in Parsed.Errors)
        {
            writer.WriteStartObject();
            if (error.IeeeAddress is null)
            {
                writer.WriteNull("ieee_address");
            }
            else
            {
                writer.WriteString("ieee_address", error.IeeeAddress);
            }

            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void WriteTable(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Parsed.Devices.Count} devices, {Parsed.Devices.Sum(d => d.Features.Count)} features, {Parsed.Errors.Count} errors"));
        output.WriteLine();
        output.WriteLine($"  {"ieee address",-18} {"friendly name",-32} {"model",-20} {"feat",4} {"ctrl",4} {"used",4} {"util",5}");
        foreach (var device in Parsed.Devices)
        {
            var snapshot = Usage?.GetValueOrDefault(device.IeeeAddress) ?? DeviceSnapshot.Empty.WithDefinition(device);
            var utilisation = snapshot.Utilisation();
            var ratio = Usage is null || utilisation.Ratio is not { } r ? "-" : r.ToString("P0", CultureInfo.InvariantCulture);
            var used = Usage is null ? "-" : utilisation.Used.Count.ToString(CultureInfo.InvariantCulture);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {device.IeeeAddress,-18} {Clip(device.FriendlyName, 32),-32} {Clip(device.Model ?? "-", 20),-20} {device.Features.Count,4} {utilisation.Controllable.Count,4} {used,4} {ratio,5}"));
        }

        if (Usage is not null)
        {
            var home = HomeUtilisation.Of(Usage.Values);
            output.WriteLine();
            var share = home.Ratio is { } ratio ? string.Create(CultureInfo.InvariantCulture, $" ({ratio:P1})") : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{StateMessages} state messages replayed; {home.Used} of {home.Controllable} controllable features used{share}"));
        }

        foreach (var error in Parsed.Errors)
        {
            output.WriteLine($"error: {error.IeeeAddress ?? "(list)"}: {error.Message}");
        }
    }

    private static (string? Topic, byte[]? Payload) ReadLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("topic", out var topic) && topic.ValueKind == JsonValueKind.String
                && root.TryGetProperty("payload", out var payload))
            {
                var bytes = payload.ValueKind == JsonValueKind.String
                    ? System.Text.Encoding.UTF8.GetBytes(payload.GetString()!)
                    : JsonSerializer.SerializeToUtf8Bytes(payload);
                return (topic.GetString(), bytes);
            }
        }
        catch (JsonException)
        {
            // Reported by the caller as an unreadable line.
        }

        return (null, null);
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
