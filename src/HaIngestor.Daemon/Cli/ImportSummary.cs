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
/// <param name="FeatureChanges">Feature changes counted as device usage, by origin (first values are not changes; those
/// skipped as already imported or seen live are not counted).</param>
/// <param name="DevicesUpdated">Devices whose usage the import added to.</param>
/// <param name="Aggregates">The complete days the import wrote rows into, aggregated into L2 or too old for it.</param>
public sealed record ImportSummary(
    long Lines,
    long BadLines,
    IReadOnlyList<JsonlLineError> Errors,
    long Written,
    long Duplicates,
    int Devices,
    long DeviceLines,
    OriginCounts FeatureChanges,
    int DevicesUpdated,
    ImportAggregates Aggregates)
{
    /// <summary>Feature changes an earlier import had already counted (history imported again), skipped.</summary>
    public long SkippedImported { get; init; }

    /// <summary>Feature changes the daemon had already counted from MQTT while it heard the device, skipped.</summary>
    public long SkippedLive { get; init; }

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
        writer.WriteStartObject("feature_changes_skipped");
        writer.WriteNumber("already_imported", SkippedImported);
        writer.WriteNumber("seen_live", SkippedLive);
        writer.WriteEndObject();
        writer.WriteStartObject("l2_days");
        writer.WriteNumber("aggregated", Aggregates.Days);
        WriteDate(writer, "first", Aggregates.First);
        WriteDate(writer, "last", Aggregates.Last);
        writer.WriteNumber("too_old", Aggregates.TooOld);
        writer.WriteNumber("retention_days", Aggregates.RetentionDays);
        writer.WriteEndObject();
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
            + $"(human {FeatureChanges.Human}, automation {FeatureChanges.Automation}, device {FeatureChanges.Device}, unknown {FeatureChanges.Unknown}); "
            + $"{SkippedImported} skipped as already imported, {SkippedLive} as already seen live over MQTT"));
        output.WriteLine(Aggregates.Days == 0
            ? "No complete day aggregated into L2 (the daily aggregates)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{Aggregates.Days} complete days aggregated into L2 (the daily aggregates), {Aggregates.First:yyyy-MM-dd} to {Aggregates.Last:yyyy-MM-dd}"));
        if (Aggregates.TooOld > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Aggregates.TooOld} days older than the {Aggregates.RetentionDays}-day aggregate retention (Storage:AggregateRetentionDays) not aggregated: runs will not see them once the raw retention drops them"));
        }

        if (Devices == 0)
        {
            output.WriteLine("No device list is known in this data directory: run the daemon with Zigbee2MQTT once, or pass --bridge-devices FILE, to count device usage.");
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            writer.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
