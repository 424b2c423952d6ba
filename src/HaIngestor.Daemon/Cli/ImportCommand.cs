using System.CommandLine;
using System.Text.Json;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.Detection;
using HaIngestor.Storage.Aggregates;
using HaIngestor.Storage.EventStore;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>import --events FILE [--home FILE] [--bridge-devices FILE] [--json]</c>: Home Assistant history into the daemon's
/// data directory (L1 store, device usage, and the daily aggregates of the complete days it wrote into). The daemon
/// must not be running on the same directory.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var events = new Option<FileInfo>("--events") { Description = "Home Assistant history, events.jsonl (with context and attributes)", Required = true };
        var home = new Option<FileInfo?>("--home") { Description = "home.json: areas of entities whose lines carry none" };
        var bridgeDevices = new Option<FileInfo?>("--bridge-devices") { Description = "a zigbee2mqtt/bridge/devices payload to record first, when the daemon has not seen the device list yet" };
        var json = new Option<bool>("--json") { Description = "print the summary as JSON" };
        var dataDir = DaemonOptions.DataDirectory();
        var command = new Command("import", "Import Home Assistant history into the data directory: the event store, device usage by origin and the daily aggregates of the complete days written")
        {
            events, home, bridgeDevices, json, dataDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(dataDir) is { } dir)
            {
                overrides["HaIngestor:DataDirectory"] = dir;
            }

            return await RunAsync(parse.GetValue(events)!, parse.GetValue(home), parse.GetValue(bridgeDevices), parse.GetValue(json), overrides, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// 0 when every line was read, 3 when some were skipped, 2 for a missing file or bad configuration (an unusable data
    /// directory too), 1 when the data directory is in use or the device actors did not confirm their writes.
    /// </summary>
    public static async Task<int> RunAsync(
        FileInfo events, FileInfo? home, FileInfo? bridgeDevices, bool json, IReadOnlyDictionary<string, string?> overrides,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        foreach (var file in new[] { events, home, bridgeDevices }.OfType<FileInfo>())
        {
            if (!file.Exists)
            {
                errors.WriteLine($"{file.FullName}: file not found");
                return 2;
            }
        }

        HaIngestorOptions options;
        try
        {
            options = OfflineConfiguration.Options(overrides);
            var problems = OptionsValidation.Problems(options);
            if (problems.Count > 0)
            {
                throw new InvalidConfigurationException(problems);
            }
        }
        catch (InvalidConfigurationException e)
        {
            errors.WriteLine(e.Message);
            return 2;
        }

        IReadOnlyDictionary<string, string>? entityAreas = null;
        if (home is not null)
        {
            try
            {
                entityAreas = HomeJsonReader.ReadFile(home.FullName).EntityAreas;
            }
            catch (HomeFileException e)
            {
                errors.WriteLine(e.Message);
                return 2;
            }
        }

        DataDirectoryLock dataLock;
        try
        {
            dataLock = DataDirectoryLock.Acquire(options.DataDirectory);
        }
        catch (DataDirectoryInUseException e)
        {
            errors.WriteLine($"import: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A data directory that is a file, or one this user may not create or write, is a configuration mistake.
            errors.WriteLine($"import: the data directory {Path.GetFullPath(options.DataDirectory)} cannot be used: {e.Message}");
            return 2;
        }

        using (dataLock)
        {
            var connectionString = $"Data Source={options.DatabasePath}";
            var import = new HistoryImport(
                new SqliteEventStore(connectionString),
                new SqliteAggregateStore(connectionString),
                options.DatabasePath,
                options.ToActorSettings(),
                DetectorCatalog.CreateGroup(DetectorGroup.A, options.Detectors),
                TimeProvider.System,
                errors);
            await using var stream = new FileStream(events.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            ImportSummary summary;
            try
            {
                summary = await import.RunAsync(
                    stream, events.Length, bridgeDevices is null ? null : await File.ReadAllBytesAsync(bridgeDevices.FullName, cancellationToken), entityAreas, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException)
            {
                // The event store keeps what was written; a second import skips those lines, so their usage would not come.
                errors.WriteLine($"import: the device actors did not confirm in time ({e.Message}); the device usage of this import may be incomplete");
                return 1;
            }
            foreach (var error in summary.Errors)
            {
                errors.WriteLine($"{events.Name}:{error.LineNumber}: skipped: {error.Reason}");
            }

            if (summary.BadLines > summary.Errors.Count)
            {
                errors.WriteLine($"{events.Name}: {summary.BadLines - summary.Errors.Count} more lines skipped");
            }

            if (json)
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    summary.WriteJson(writer);
                }

                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                summary.WriteText(output);
            }

            return summary.BadLines == 0 ? 0 : 3;
        }
    }
}
