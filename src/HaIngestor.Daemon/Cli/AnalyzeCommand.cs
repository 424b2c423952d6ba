using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Domain.Detection;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>analyze --events FILE --home FILE [--automations FILE] [--json OUT] [--from T --to T] [--set KEY=VALUE ...]</c>:
/// offline analysis of an export, with the detector settings of the configuration (see <see cref="OfflineConfiguration"/>),
/// checked against Home Assistant's automations.yaml when one is given.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var events = new Option<FileInfo>("--events") { Description = "events.jsonl export (one HA state change per line)", Required = true };
        var home = new Option<FileInfo>("--home") { Description = "home.json (time zone, location, areas)", Required = true };
        var json = new Option<string?>("--json") { Description = "write the result as JSON to this file ('-' for stdout)" };
        var from = new Option<DateTimeOffset?>("--from") { Description = "window start (ISO-8601; default: first event)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "window end, exclusive (ISO-8601; default: just after the last event)" };
        var top = new Option<int>("--top") { Description = "how many suggestions", DefaultValueFactory = _ => 10 };
        var automations = new Option<FileInfo?>("--automations") { Description = "Home Assistant's automations.yaml: suggestions an enabled automation already covers are left out and listed" };
        var settings = DaemonOptions.Settings();
        var command = new Command("analyze", "Analyse an events.jsonl export offline and print patterns and suggestions")
        {
            events, home, json, from, to, top, automations, settings,
        };
        command.SetAction(parse => Run(
            parse.GetValue(events)!,
            parse.GetValue(home)!,
            parse.GetValue(json),
            parse.GetValue(from),
            parse.GetValue(to),
            parse.GetValue(top),
            parse.GetValue(automations),
            parse.GetValue(settings)));
        return command;
    }

    private static int Run(FileInfo eventsFile, FileInfo homeFile, string? jsonOut, DateTimeOffset? from, DateTimeOffset? to, int top, FileInfo? automationsFile, string[]? settings)
    {
        var total = Stopwatch.StartNew();
        if (from is { } start && to is { } end && end <= start)
        {
            Console.Error.WriteLine($"--from {start:O} must be before --to {end:O}");
            return 2;
        }

        if (OfflineConfiguration.DetectorSettingsOrReport(settings, Console.Error) is not { } detectorSettings)
        {
            return 2;
        }

        Domain.Time.HomeProfile home;
        try
        {
            home = HomeJsonReader.ReadFile(homeFile.FullName);
        }
        catch (HomeFileException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (!eventsFile.Exists)
        {
            Console.Error.WriteLine($"{eventsFile.FullName}: file not found");
            return 2;
        }

        HaIngestor.Domain.HomeAssistant.HaAutomationCatalog? automations = null;
        if (automationsFile is not null && (automations = OfflineAutomationCheck.ReadOrReport(automationsFile, Console.Error)) is null)
        {
            return 2;
        }

        using var jsonStream = jsonOut is null ? null : JsonOutFile.Open(jsonOut, Console.Error);
        if (jsonOut is not null && jsonStream is null)
        {
            return 2;
        }

        var file = OfflineAnalysis.AnalyzeFile(eventsFile.FullName, home, from, to, DetectorCatalog.CreateAll(detectorSettings), top, automations: automations);
        var read = file.Read;
        foreach (var error in read.Errors)
        {
            Console.Error.WriteLine($"{eventsFile.Name}:{error.LineNumber}: skipped: {error.Reason}");
        }

        if (read.SkippedLines > read.Errors.Count)
        {
            Console.Error.WriteLine($"{eventsFile.Name}: {read.SkippedLines - read.Errors.Count} more lines skipped");
        }

        var loadMs = file.LoadMilliseconds;
        var eventCount = file.Events;
        var (windowFrom, windowTo, result) = (file.From, file.To, file.Analysis);
        foreach (var (detector, error) in result.Failures)
        {
            Console.Error.WriteLine($"detector {detector} failed: {error}");
        }

        var timings = new List<KeyValuePair<string, double>>
        {
            new("load", loadMs),
            new("detect", result.DetectMilliseconds),
            new("suggest", result.SuggestMilliseconds),
            new("total", total.Elapsed.TotalMilliseconds),
        };

        if (jsonStream is not null)
        {
            using var writer = new Utf8JsonWriter(jsonStream, new JsonWriterOptions { Indented = true });
            AnalysisResultJson.Write(writer, home, windowFrom, windowTo, eventCount, result.Patterns, result.Suggestions, timings, read.ToInputCounts(), result.Automations);
        }

        if (jsonOut != "-")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{eventCount} events ({read.SkippedLines} lines skipped, {read.Duplicates} duplicates) from {windowFrom:u} to {windowTo:u} in {home.TimeZoneId}"));
            ConsoleTables.WritePatterns(Console.Out, result.Patterns);
            ConsoleTables.WriteSuggestions(Console.Out, result.Suggestions, withYaml: false);
            foreach (var dropped in result.Automations?.AlreadyAutomated ?? [])
            {
                Console.WriteLine($"not suggested: \"{dropped.Title}\": {dropped.Why}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load {loadMs:F0} ms, detect {result.DetectMilliseconds:F0} ms, total {total.Elapsed.TotalMilliseconds:F0} ms ({eventCount / Math.Max(total.Elapsed.TotalSeconds, 1e-9):F0} events/s)"));
        }

        return result.Failures.Count == 0 ? 0 : 3;
    }
}
