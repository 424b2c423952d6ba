using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Devices;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>What an import did.</summary>
/// <param name="Lines">Valid history lines read.</param>
/// <param name="BadLines">Lines skipped because they did not parse.</param>
/// <param name="Errors">The first skipped lines with their reasons.</param>
/// <param name="Written">State changes written to the L1 store.</param>
/// <param name="Duplicates">Lines already in the L1 store (or earlier in the file), skipped.</param>
/// <param name="Devices">Devices known in the data directory (the device list the daemon last saw, or the one given).</param>
/// <param name="DeviceLines">New lines of entities of those devices.</param>
/// <param name="FeatureChanges">Feature changes counted as device usage, by origin (first values are not changes).</param>
/// <param name="DevicesUpdated">Devices whose usage the import added to.</param>
public sealed record ImportSummary(
    long Lines,
    long BadLines,
    IReadOnlyList<JsonlLineError> Errors,
    long Written,
    long Duplicates,
    int Devices,
    long DeviceLines,
    OriginCounts FeatureChanges,
    int DevicesUpdated)
{
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("lines", Lines);
        writer.WriteNumber("bad_lines", BadLines);
        writer.WriteNumber("written", Written);
        writer.WriteNumber("duplicates", Duplicates);
        writer.WriteNumber("devices", Devices);
        writer.WriteNumber("device_lines", DeviceLines);
        writer.WriteNumber("devices_updated", DevicesUpdated);
        writer.WritePropertyName("feature_changes");
        DeviceJson.WriteOrigins(writer, FeatureChanges);
        writer.WriteStartArray("errors");
        foreach (var error in Errors)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", error.LineNumber);
            writer.WriteString("reason", error.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void WriteText(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Lines} lines read, {BadLines} bad; {Written} state changes written to the event store, {Duplicates} already there"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DeviceLines} lines of {Devices} known Zigbee devices: {FeatureChanges.Total} feature changes on {DevicesUpdated} devices "
            + $"(human {FeatureChanges.Human}, automation {FeatureChanges.Automation}, device {FeatureChanges.Device}, unknown {FeatureChanges.Unknown})"));
        if (Devices == 0)
        {
            output.WriteLine("No device list is known in this data directory: run the daemon with Zigbee2MQTT once, or pass --bridge-devices FILE, to count device usage.");
        }
    }
}
