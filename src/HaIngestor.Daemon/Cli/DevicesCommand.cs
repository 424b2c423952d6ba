using System.CommandLine;
using System.Text.Json;

namespace HaIngestor.Daemon.Cli;

/// <summary><c>devices --bridge-devices FILE [--states FILE.jsonl] [--json]</c>: what every device can do and how it was used.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var bridgeDevices = new Option<FileInfo>("--bridge-devices") { Description = "a zigbee2mqtt/bridge/devices payload (JSON array)", Required = true };
        var states = new Option<FileInfo?>("--states") { Description = "state messages to replay, one {\"topic\",\"payload\"} object per line" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var baseTopic = new Option<string>("--base-topic") { Description = "Zigbee2MQTT base topic of the state messages", DefaultValueFactory = _ => "zigbee2mqtt" };
        var command = new Command("devices", "Show the devices of a Zigbee2MQTT device list, their features and their usage")
        {
            bridgeDevices, states, json, baseTopic,
        };
        command.SetAction(parse => Run(parse.GetValue(bridgeDevices)!, parse.GetValue(states), parse.GetValue(json), parse.GetValue(baseTopic)!, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the verb; 0 when everything was read, 3 when some devices or lines were not, 2 when a file is missing.</summary>
    public static int Run(FileInfo bridgeDevices, FileInfo? states, bool json, string baseTopic, TextWriter output, TextWriter errors)
    {
        foreach (var file in new[] { bridgeDevices, states }.OfType<FileInfo>())
        {
            if (!file.Exists)
            {
                errors.WriteLine($"{file.FullName}: file not found");
                return 2;
            }
        }

        var report = DevicesReport.Build(
            File.ReadAllBytes(bridgeDevices.FullName),
            states is null ? null : File.ReadLines(states.FullName),
            baseTopic,
            TimeProvider.System.GetUtcNow());
        foreach (var problem in report.StateProblems)
        {
            errors.WriteLine($"{states!.Name}:{problem}");
        }

        if (json)
        {
            output.WriteLine(ToJson(report));
        }
        else
        {
            report.WriteTable(output);
        }

        return report.Parsed.Errors.Count == 0 && report.StateProblems.Count == 0 ? 0 : 3;
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
