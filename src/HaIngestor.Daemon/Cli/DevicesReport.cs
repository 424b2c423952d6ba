using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// What the <c>devices</c> verb shows: a parsed device list and, when state messages were replayed or Home Assistant
/// history was read, each device's usage, built exactly as the device actors build it (<see cref="DeviceSnapshot"/>).
/// </summary>
/// <param name="Parsed">The parser's devices and errors.</param>
/// <param name="Usage">Snapshot per ieee address after the replay; null when no states and no history were given.</param>
/// <param name="StateMessages">State lines applied to a device.</param>
/// <param name="StateProblems">State lines skipped, with why (line number first).</param>
/// <param name="Window">The local days windowed utilisation covers; null without usage.</param>
/// <param name="History">What reading the history gave; null when none was given.</param>
public sealed record DevicesReport(
    BridgeDevicesParseResult Parsed,
    IReadOnlyDictionary<string, DeviceSnapshot>? Usage,
    int StateMessages,
    IReadOnlyList<string> StateProblems,
    UsageWindow? Window = null,
    HistoryUsageSummary? History = null)
{
    /// <summary>History lines skipped, with why; filled in by the verb, which reads the file.</summary>
    public IReadOnlyList<string> HistoryProblems { get; init; } = [];

    /// <summary>Parses <paramref name="bridgeDevices"/> and replays <paramref name="stateLines"/> (<c>{"topic","payload"}</c> per line) at <paramref name="at"/>.</summary>
    public static DevicesReport Build(byte[] bridgeDevices, IEnumerable<string>? stateLines, string zigbeeBaseTopic, DateTimeOffset at) =>
        Build(bridgeDevices, stateLines, zigbeeBaseTopic, at, null, DeviceUsageOptions.Default);

    /// <summary>
    /// Also counts the device feature uses in <paramref name="history"/> (HA state changes with attributes), and
    /// computes utilisation over the <see cref="DeviceUsageOptions.WindowDays"/> local days ending with the day of the
    /// latest time seen (<paramref name="at"/> when states were replayed, else the newest history line).
    /// </summary>
    public static DevicesReport Build(
        byte[] bridgeDevices, IEnumerable<string>? stateLines, string zigbeeBaseTopic, DateTimeOffset at, IEnumerable<HistoryLine>? history, DeviceUsageOptions options)
    {
        var parsed = BridgeDevicesParser.Parse(bridgeDevices);
        if (stateLines is null && history is null)
        {
            return new DevicesReport(parsed, null, 0, []);
        }

        var snapshots = parsed.Devices.ToDictionary(d => d.IeeeAddress, d => DeviceSnapshot.Empty.WithDefinition(d), StringComparer.Ordinal);
        var latest = DateTimeOffset.MinValue;
        HistoryUsageSummary? summary = null;
        if (history is not null)
        {
            summary = ApplyHistory(parsed.Devices, history, snapshots, options);
            latest = summary.Latest ?? latest;
        }

        var (applied, problems) = stateLines is null ? (0, new List<string>()) : Replay(parsed.Devices, stateLines, zigbeeBaseTopic, at, snapshots, options);
        if (stateLines is not null && at > latest)
        {
            latest = at;
        }

        var window = latest == DateTimeOffset.MinValue ? null : UsageWindow.Ending(options.LocalDay(latest), options.WindowDays);
        return new DevicesReport(parsed, snapshots, applied, problems, window, summary);
    }

    private static HistoryUsageSummary ApplyHistory(
        IReadOnlyList<ZigbeeDevice> devices, IEnumerable<HistoryLine> history, Dictionary<string, DeviceSnapshot> snapshots, DeviceUsageOptions options)
    {
        var mapper = new HistoryUsageMapper(devices);
        var uses = new Dictionary<string, List<ImportedChange>>(StringComparer.Ordinal);
        long lines = 0;
        DateTimeOffset? latest = null;
        foreach (var line in history)
        {
            lines++;
            latest = latest is { } l && l > line.Change.Time ? l : line.Change.Time;
            foreach (var use in mapper.Map(line))
            {
                (uses.TryGetValue(use.IeeeAddress, out var list) ? list : uses[use.IeeeAddress] = []).Add(
                    new ImportedChange(use.Time, options.LocalDay(use.Time), use.Change));
            }
        }

        var counted = 0L;
        foreach (var (ieee, changes) in uses)
        {
            snapshots[ieee] = snapshots[ieee].ApplyImported(changes, options.DaysKept);
            counted += changes.Count(c => DeviceSnapshot.IsUse(c.Change));
        }

        return new HistoryUsageSummary(lines, mapper.MappedLines, mapper.UnmappedLines, counted, latest);
    }

    private static (int Applied, List<string> Problems) Replay(
        IReadOnlyList<ZigbeeDevice> devices, IEnumerable<string> stateLines, string zigbeeBaseTopic, DateTimeOffset at,
        Dictionary<string, DeviceSnapshot> snapshots, DeviceUsageOptions options)
    {
        var byName = new Dictionary<string, ZigbeeDevice>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            byName[device.FriendlyName] = device;
        }

        var prefix = zigbeeBaseTopic + "/";
        var day = options.LocalDay(at);
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
            snapshots[device.IeeeAddress] = snapshot.Apply(snapshot.Diff(values), at, day, options.DaysKept);
            applied++;
        }

        return (applied, problems);
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
            WriteRatio(writer, "utilisation", home.Ratio);
            writer.WritePropertyName("by_origin");
            DeviceJson.WriteOrigins(writer, Usage.Values.SelectMany(u => u.Usage.Values).Aggregate(OriginCounts.None, (sum, u) => sum.Add(u.ByOrigin)));
            if (Window is { } window)
            {
                var inWindow = HomeUtilisation.Of(Usage.Values, window);
                writer.WriteStartObject("window");
                DeviceJson.WriteWindowBounds(writer, window);
                writer.WriteNumber("used", inWindow.Used);
                WriteRatio(writer, "utilisation", inWindow.Ratio);
                writer.WriteEndObject();
            }

            if (History is { } history)
            {
                writer.WriteStartObject("history");
                writer.WriteNumber("lines", history.Lines);
                writer.WriteNumber("device_lines", history.DeviceLines);
                writer.WriteNumber("other_lines", history.OtherLines);
                writer.WriteNumber("feature_changes", history.FeatureChanges);
                writer.WriteNumber("skipped_lines", HistoryProblems.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("devices");
        foreach (var device in Parsed.Devices)
        {
            DeviceJson.WriteDevice(writer, device, Usage?.GetValueOrDefault(device.IeeeAddress), Window);
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
        output.WriteLine(
            $"  {"ieee address",-18} {"friendly name",-32} {"model",-20} {"feat",4} {"ctrl",4} {"used",4} {"util",5} {"win",5} {"human",6} {"auto",6} {"device",6} {"cmd",6} {"unkn",6}");
        foreach (var device in Parsed.Devices)
        {
            var snapshot = Usage?.GetValueOrDefault(device.IeeeAddress) ?? DeviceSnapshot.Empty.WithDefinition(device);
            var utilisation = snapshot.Utilisation();
            var ratio = Usage is null ? "-" : Percent(utilisation.Ratio);
            var windowed = Usage is null || Window is null ? "-" : Percent(snapshot.Utilisation(Window).Ratio);
            var used = Usage is null ? "-" : utilisation.Used.Count.ToString(CultureInfo.InvariantCulture);
            var origins = snapshot.Usage.Values.Aggregate(OriginCounts.None, (sum, u) => sum.Add(u.ByOrigin));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {device.IeeeAddress,-18} {Clip(device.FriendlyName, 32),-32} {Clip(device.Model ?? "-", 20),-20} {device.Features.Count,4} {utilisation.Controllable.Count,4} {used,4} {ratio,5} {windowed,5} {origins.Human,6} {origins.Automation,6} {origins.Device,6} {origins.Commanded,6} {origins.Unknown,6}"));
        }

        if (Usage is not null)
        {
            var home = HomeUtilisation.Of(Usage.Values);
            output.WriteLine();
            var share = home.Ratio is { } ratio ? string.Create(CultureInfo.InvariantCulture, $" ({ratio:P1})") : "";
            var history = History is { } h
                ? string.Create(CultureInfo.InvariantCulture, $"; {h.Lines} history lines, {h.FeatureChanges} feature changes from them")
                : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{StateMessages} state messages replayed{history}; {home.Used} of {home.Controllable} controllable features used{share}"));
            if (Window is { } window)
            {
                var inWindow = HomeUtilisation.Of(Usage.Values, window);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"used within {window.From:yyyy-MM-dd} .. {window.To.AddDays(-1):yyyy-MM-dd}: {inWindow.Used} of {inWindow.Controllable} ({Percent(inWindow.Ratio)})"));
            }
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
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Reported by the caller as an unreadable line; InvalidOperationException is text with a lone surrogate.
        }

        return (null, null);
    }

    private static string Percent(double? ratio) => ratio is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static void WriteRatio(Utf8JsonWriter writer, string name, double? ratio)
    {
        if (ratio is { } r)
        {
            writer.WriteNumber(name, Math.Round(r, 4));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
