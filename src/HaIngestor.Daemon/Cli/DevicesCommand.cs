using System.CommandLine;
using System.Text.Json;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>devices --bridge-devices FILE [--states FILE.jsonl] [--history events.jsonl] [--json]</c>: what every device can
/// do and how it was used, by origin, ever and within a window of local days.
/// </summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var bridgeDevices = new Option<FileInfo>("--bridge-devices") { Description = "a zigbee2mqtt/bridge/devices payload (JSON array)", Required = true };
        var states = new Option<FileInfo?>("--states") { Description = "state messages to replay, one {\"topic\",\"payload\"} object per line" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var baseTopic = new Option<string>("--base-topic") { Description = "Zigbee2MQTT base topic of the state messages", DefaultValueFactory = _ => "zigbee2mqtt" };
        var history = new Option<FileInfo?>("--history") { Description = "Home Assistant history (events.jsonl with attributes): its state changes count as feature uses, by origin" };
        var timeZone = new Option<string>("--time-zone") { Description = "the home's IANA time zone, for usage per local day", DefaultValueFactory = _ => "UTC" };
        var windowDays = new Option<int>("--window-days") { Description = "local days of windowed utilisation, ending with the latest day seen", DefaultValueFactory = _ => 30 };
        var command = new Command("devices", "Show the devices of a Zigbee2MQTT device list, their features and their usage")
        {
            bridgeDevices, states, history, json, baseTopic, timeZone, windowDays,
        };
        command.SetAction(parse =>
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(parse.GetValue(timeZone)!, out var zone))
            {
                Console.Error.WriteLine($"--time-zone: '{parse.GetValue(timeZone)}' is not a known time zone");
                return 2;
            }

            if (parse.GetValue(windowDays) < 1)
            {
                Console.Error.WriteLine("--window-days: must be at least 1");
                return 2;
            }

            var options = new DeviceUsageOptions(zone, parse.GetValue(windowDays), Domain.Devices.DeviceSnapshot.DefaultDaysKept);
            return Run(parse.GetValue(bridgeDevices)!, parse.GetValue(states), parse.GetValue(history), options, parse.GetValue(json), parse.GetValue(baseTopic)!, Console.Out, Console.Error);
        });
        return command;
    }

    /// <summary>Runs the verb; 0 when everything was read, 3 when some devices or lines were not, 2 when a file is missing.</summary>
    public static int Run(FileInfo bridgeDevices, FileInfo? states, bool json, string baseTopic, TextWriter output, TextWriter errors) =>
        Run(bridgeDevices, states, null, DeviceUsageOptions.Default, json, baseTopic, output, errors);

    /// <summary>Runs the verb with history; exit codes as the other overload.</summary>
    public static int Run(
        FileInfo bridgeDevices, FileInfo? states, FileInfo? history, DeviceUsageOptions options, bool json, string baseTopic, TextWriter output, TextWriter errors)
    {
        foreach (var file in new[] { bridgeDevices, states, history }.OfType<FileInfo>())
        {
            if (!file.Exists)
            {
                errors.WriteLine($"{file.FullName}: file not found");
                return 2;
            }
        }

        var historyProblems = new List<JsonlLineError>();
        using var historyStream = history is null ? null : File.OpenRead(history.FullName);
        var report = DevicesReport.Build(
            File.ReadAllBytes(bridgeDevices.FullName),
            states is null ? null : File.ReadLines(states.FullName),
            baseTopic,
            TimeProvider.System.GetUtcNow(),
            historyStream is null ? null : HistoryLineReader.Read(historyStream, null, historyProblems.Add),
            options);
        report = report with { HistoryProblems = historyProblems.Select(p => p.ToString()).ToList() };
        foreach (var problem in report.StateProblems)
        {
            errors.WriteLine($"{states!.Name}:{problem}");
        }

        foreach (var problem in historyProblems)
        {
            errors.WriteLine($"{history!.Name}:{problem}");
        }

        if (json)
        {
            output.WriteLine(ToJson(report));
        }
        else
        {
            report.WriteTable(output);
        }

        return report.Parsed.Errors.Count == 0 && report.StateProblems.Count == 0 && historyProblems.Count == 0 ? 0 : 3;
    }

    public static string ToJson(DevicesReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            report.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
