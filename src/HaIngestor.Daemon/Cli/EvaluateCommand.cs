using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Evaluation;
using HaIngestor.Domain.Time;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>evaluate --events FILE --home FILE (--truth FILE | --adl FILE) [--json OUT] [--set KEY=VALUE ...]</c>: runs the
/// same analysis as <c>analyze</c>, with the detector settings of the configuration, and scores it, per pattern type, against a simulator's planted truth (precision and recall),
/// or reports which labelled daily activities of a real recording were found at their local hour.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var events = new Option<FileInfo>("--events") { Description = "events.jsonl export", Required = true };
        var home = new Option<FileInfo>("--home") { Description = "home.json", Required = true };
        var truth = new Option<FileInfo?>("--truth") { Description = "truth.json written by 'simulate' (planted patterns)" };
        var adl = new Option<FileInfo?>("--adl") { Description = "truth_adl.json of a real recording (labelled activities)" };
        var json = new Option<string?>("--json") { Description = "write the scores as JSON to this file ('-' for stdout)" };
        var settings = DaemonOptions.Settings();
        var command = new Command("evaluate", "Score the analysis of an export against planted truth or labelled activities")
        {
            events, home, truth, adl, json, settings,
        };
        command.SetAction(parse => Run(
            parse.GetValue(events)!, parse.GetValue(home)!, parse.GetValue(truth), parse.GetValue(adl), parse.GetValue(json), parse.GetValue(settings)));
        return command;
    }

    private static int Run(FileInfo eventsFile, FileInfo homeFile, FileInfo? truthFile, FileInfo? adlFile, string? jsonOut, string[]? settings)
    {
        if (OfflineConfiguration.DetectorSettingsOrReport(settings, Console.Error) is not { } detectorSettings)
        {
            return 2;
        }

        if (truthFile is null && adlFile is null)
        {
            Console.Error.WriteLine("evaluate needs --truth FILE or --adl FILE");
            return 2;
        }

        HomeProfile home;
        try
        {
            home = HomeJsonReader.ReadFile(homeFile.FullName);
        }
        catch (HomeFileException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        foreach (var file in new[] { eventsFile, truthFile, adlFile }.OfType<FileInfo>().Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"{file.FullName}: file not found");
            return 2;
        }

        TruthSet? truth = null;
        if (truthFile is not null)
        {
            truth = TruthJson.Read(File.ReadAllBytes(truthFile.FullName), out var skipped);
            if (truth is null)
            {
                Console.Error.WriteLine($"{truthFile.Name}: not a truth file (an object with a 'patterns' array)");
                return 2;
            }

            if (skipped > 0)
            {
                Console.Error.WriteLine($"{truthFile.Name}: {skipped} entries skipped (unknown kind or unreadable)");
            }
        }

        IReadOnlyList<AdlActivity>? activities = null;
        if (adlFile is not null)
        {
            activities = AdlJson.Read(File.ReadAllBytes(adlFile.FullName), out var skipped, out var error);
            if (activities is null)
            {
                Console.Error.WriteLine($"{adlFile.Name}: {error}");
                return 2;
            }

            foreach (var problem in skipped)
            {
                Console.Error.WriteLine($"{adlFile.Name}: {problem}");
            }
        }

        using var jsonStream = jsonOut is null ? null : JsonOutFile.Open(jsonOut, Console.Error);
        if (jsonOut is not null && jsonStream is null)
        {
            return 2;
        }

        var read = EventsJsonlReader.ReadFile(eventsFile.FullName, new EventsJsonlReadOptions { EntityAreas = home.EntityAreas });
        if (read.SkippedLines > 0)
        {
            Console.Error.WriteLine($"{eventsFile.Name}: {read.SkippedLines} lines skipped");
        }

        var events = read.Events;
        var from = events.Count > 0 ? events[0].Time : DateTimeOffset.UnixEpoch;
        var to = events.Count > 0 ? events[^1].Time.AddMilliseconds(1) : from;
        var result = OfflineAnalysis.Run(events, home, from, to, DetectorCatalog.CreateAll(detectorSettings), 10);
        foreach (var (detector, error) in result.Failures)
        {
            Console.Error.WriteLine($"detector {detector} failed: {error}");
        }

        var scores = truth is null ? null : AccuracyScorer.Score(result.Patterns, truth.Entries, TruthMatchers.GroupA(new MatchTolerances()));
        var rows = activities is null ? null : new AdlRecovery().Assess(activities, events, result.Patterns);

        if (jsonStream is not null)
        {
            using var writer = new Utf8JsonWriter(jsonStream, new JsonWriterOptions { Indented = true });
            WriteJson(writer, events.Count, result.Patterns.Count, scores, rows);
        }

        if (jsonOut != "-")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{events.Count} events from {from:u} to {to:u} in {home.TimeZoneId}; {result.Patterns.Count} patterns"));
            if (scores is not null)
            {
                WriteScores(Console.Out, scores);
            }

            if (rows is not null)
            {
                WriteAdl(Console.Out, rows, home);
            }
        }

        return 0;
    }

    private static string Percent(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:F1}%") : "-";

    private static void WriteScores(TextWriter output, IReadOnlyList<KindAccuracy> scores)
    {
        output.WriteLine();
        output.WriteLine($"  {"type",-14} {"planted",7} {"found",6} {"recall",7} {"detected",8} {"correct",7} {"precision",9}");
        foreach (var s in scores)
        {
            output.WriteLine($"  {s.Kind,-14} {s.Planted,7} {s.Recalled,6} {Percent(s.Recall),7} {s.Detected,8} {s.Correct,7} {Percent(s.Precision),9}");
        }

        foreach (var s in scores)
        {
            foreach (var missed in s.Missed)
            {
                output.WriteLine($"  missed {s.Kind}: {Steps(missed.Entities, missed.States)} ({missed.Source})");
            }

            foreach (var wrong in s.FalsePositives)
            {
                output.WriteLine($"  false {s.Kind}{(s.Automated.Contains(wrong) ? " (automated behaviour)" : "")}: {Steps(wrong.Entities, wrong.States)} {Describe(wrong.Details)}");
            }
        }
    }

    private static void WriteAdl(TextWriter output, IReadOnlyList<AdlRecoveryRow> rows, HomeProfile home)
    {
        output.WriteLine();
        output.WriteLine($"  {"activity",-14} {"n",3} {"start",5} {"R",5} {"tied sensors (area)",-44} {"nearest time_of_day",-38} {"Δmin",5} recovered");
        foreach (var row in rows)
        {
            var a = row.Activity;
            var tied = string.Join(", ", row.TiedEntities.Select(e => $"{e.Replace("binary_sensor.", "", StringComparison.Ordinal)} ({home.EntityAreas.GetValueOrDefault(e, "?")})"));
            var nearest = row.Nearest is { Details: TimeOfDayDetails t } p ? $"{p.Entities[0].Replace("binary_sensor.", "", StringComparison.Ordinal)}={p.States[0]} {t.LocalTime} {t.Days}" : "-";
            var verdict = !row.Concentrated ? "(no typical time)" : row.Recovered ? "yes" : "no";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {a.Name,-14} {a.Count,3} {a.TypicalLocalMinute / 60:00}:{a.TypicalLocalMinute % 60:00} {a.Concentration,5:F2} {Clip(tied, 44),-44} {Clip(nearest, 38),-38} {(row.DistanceMinutes is { } d ? d.ToString("F0", CultureInfo.InvariantCulture) : "-"),5} {verdict}"));
        }

        var concentrated = rows.Count(r => r.Concentrated);
        output.WriteLine($"  recovered {rows.Count(r => r.Recovered)} of {concentrated} activities with a concentrated start time");
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Steps(IReadOnlyList<string> entities, IReadOnlyList<string> states) =>
        string.Join(" → ", entities.Zip(states, (e, s) => $"{e}={s}"));

    private static string Describe(PatternDetails details) => details switch
    {
        TimeOfDayDetails t => $"{t.LocalTime} {t.Days}",
        DurationDetails d => string.Create(CultureInfo.InvariantCulture, $"median {d.MedianDurationSeconds:F0} s"),
        RoomDetails r => r.Area,
        AnomalyDetails a => $"{a.Date:yyyy-MM-dd} {a.Kind}",
        _ => "",
    };

    private static void WriteJson(Utf8JsonWriter writer, int events, int patterns, IReadOnlyList<KindAccuracy>? scores, IReadOnlyList<AdlRecoveryRow>? rows)
    {
        writer.WriteStartObject();
        writer.WriteNumber("events", events);
        writer.WriteNumber("patterns", patterns);
        if (scores is not null)
        {
            writer.WriteStartArray("scores");
            foreach (var s in scores)
            {
                writer.WriteStartObject();
                writer.WriteString("type", s.Kind);
                writer.WriteNumber("planted", s.Planted);
                writer.WriteNumber("recalled", s.Recalled);
                writer.WriteNumber("detected", s.Detected);
                writer.WriteNumber("correct", s.Correct);
                WriteRatio(writer, "recall", s.Recall);
                WriteRatio(writer, "precision", s.Precision);
                writer.WriteStartArray("missed");
                foreach (var missed in s.Missed)
                {
                    TruthJson.WriteEntry(writer, missed);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("false_positives");
                foreach (var wrong in s.FalsePositives)
                {
                    PatternJson.Write(writer, wrong);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (rows is not null)
        {
            writer.WriteStartArray("activities");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("activity", row.Activity.Name);
                writer.WriteNumber("count", row.Activity.Count);
                writer.WriteString("typical_local_start", $"{row.Activity.TypicalLocalMinute / 60:00}:{row.Activity.TypicalLocalMinute % 60:00}");
                writer.WriteNumber("start_time_concentration", row.Activity.Concentration);
                writer.WriteBoolean("concentrated", row.Concentrated);
                writer.WriteStartArray("tied_entities");
                foreach (var entity in row.TiedEntities)
                {
                    writer.WriteStringValue(entity);
                }

                writer.WriteEndArray();
                if (row.Nearest is { } nearest)
                {
                    writer.WritePropertyName("nearest_pattern");
                    PatternJson.Write(writer, nearest);
                    writer.WriteNumber("distance_min", Math.Round(row.DistanceMinutes!.Value, 1));
                }

                writer.WriteBoolean("recovered", row.Recovered);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteRatio(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 4));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
