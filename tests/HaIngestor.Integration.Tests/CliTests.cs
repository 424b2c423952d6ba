using System.Text.Json;
using HaIngestor.Integration.Tests.Infrastructure;
using HaIngestor.Simulation;

namespace HaIngestor.Integration.Tests;

/// <summary>The verbs as users run them: the real program in a child process.</summary>
public sealed class CliTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("haingestor-cli-").FullName;

    [Fact]
    public async Task Demo_once_prints_suggestions_for_the_planted_human_routines_and_none_for_automated_ones()
    {
        var (exit, output, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "demo", "--once", "--days", "21", "--seed", "3");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        var yaml = output[output.IndexOf("Suggestions (", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Suggestions (0)", yaml, StringComparison.Ordinal);
        Assert.Contains("triggers:", yaml, StringComparison.Ordinal);
        Assert.Contains("- trigger: time", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("platform:", yaml, StringComparison.Ordinal);

        var home = SimulatedHome.Create(3);
        var planted = home.Routines.Where(r => r.Human && r.EntityId.Split('.')[0] is "light" or "switch" or "cover" or "climate").Select(r => r.EntityId).Distinct().ToList();
        var suggested = planted.Where(entity => yaml.Contains("entity_id: " + entity, StringComparison.Ordinal)).ToList();
        Assert.True(suggested.Count >= 3, $"only {suggested.Count} of the planted routines' entities are in the suggestions: {string.Join(", ", suggested)}\n{output}");
        foreach (var automated in home.Routines.Where(r => !r.Human).Select(r => r.EntityId).Distinct())
        {
            Assert.DoesNotContain("entity_id: " + automated, yaml, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(_workDirectory, "data", "demo", "haingestor.db")), "the demo keeps its data in ./data/demo");
    }

    [Fact]
    public async Task Analyze_writes_the_specified_json_for_the_Ordonez_recording()
    {
        var json = Path.Combine(_workDirectory, "ordonez_a.json");
        var (exit, output, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "analyze",
            "--events", SharedData.Path("real", "ordonez_a", "events.jsonl"),
            "--home", SharedData.Path("real", "ordonez_a", "home.json"),
            "--json", json);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        using var document = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = document.RootElement;
        Assert.Equal("Europe/Madrid", root.GetProperty("home").GetProperty("time_zone").GetString());
        Assert.Equal(818, root.GetProperty("window").GetProperty("events").GetInt32());
        Assert.True(root.GetProperty("window").TryGetProperty("from", out _));
        Assert.True(root.GetProperty("window").TryGetProperty("to", out _));
        foreach (var timing in new[] { "load", "detect", "total" })
        {
            Assert.True(root.GetProperty("timings_ms").GetProperty(timing).GetDouble() >= 0);
        }

        var patterns = root.GetProperty("patterns").EnumerateArray().ToList();
        Assert.NotEmpty(patterns);
        foreach (var pattern in patterns)
        {
            foreach (var field in new[] { "id", "type", "entities", "states", "occurrences", "confidence" })
            {
                Assert.True(pattern.TryGetProperty(field, out _), $"pattern without {field}: {pattern}");
            }

            var confidence = pattern.GetProperty("confidence").GetDouble();
            Assert.InRange(confidence, 0, 1);
        }

        // The person in home A goes to bed around 01:30 local time (truth_adl.json: Sleeping); the bed sensor says so.
        var bed = patterns.Single(p => p.GetProperty("type").GetString() == "time_of_day"
            && p.GetProperty("entities")[0].GetString() == "binary_sensor.bed_pressure"
            && p.GetProperty("states")[0].GetString() == "on");
        var localTime = TimeOnly.Parse(bed.GetProperty("local_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(localTime, new TimeOnly(0, 30), new TimeOnly(2, 30));
        Assert.True(root.GetProperty("suggestions").ValueKind == JsonValueKind.Array);
    }

    [Fact]
    public async Task Analyze_gives_the_same_patterns_for_a_file_far_out_of_time_order()
    {
        var original = SharedData.Path("real", "ordonez_b", "events.jsonl");
        var home = SharedData.Path("real", "ordonez_b", "home.json");
        var lines = File.ReadAllLines(original);
        var shuffled = Path.Combine(_workDirectory, "shuffled.jsonl");
        // The last fifth of the file first: days that a streaming fold would already have closed arrive late.
        var cut = lines.Length * 4 / 5;
        File.WriteAllLines(shuffled, lines[cut..].Concat(lines[..cut]));

        var inOrder = await PatternsOf(original, home, "in-order.json");
        var outOfOrder = await PatternsOf(shuffled, home, "out-of-order.json");

        Assert.NotEmpty(inOrder);
        Assert.Equal(inOrder, outOfOrder);
    }

    private async Task<List<string>> PatternsOf(string events, string home, string jsonName)
    {
        var json = Path.Combine(_workDirectory, jsonName);
        var (exit, output, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "analyze", "--events", events, "--home", home, "--json", json);
        Assert.True(exit == 0, output + error);
        using var document = JsonDocument.Parse(File.ReadAllBytes(json));
        return document.RootElement.GetProperty("patterns").EnumerateArray()
            .Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("occurrences").GetInt32()} {p.GetProperty("confidence").GetDouble():R}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task Analyze_and_evaluate_with_a_json_path_that_cannot_be_written_say_so_in_one_line()
    {
        var json = Path.Combine(_workDirectory, "no-such-directory", "out.json");
        string[] files = ["--events", SharedData.Path("real", "ordonez_a", "events.jsonl"), "--home", SharedData.Path("real", "ordonez_a", "home.json")];

        var analyze = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["analyze", .. files, "--json", json]);
        var evaluate = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["evaluate", .. files, "--adl", SharedData.Path("real", "ordonez_a", "truth_adl.json"), "--json", json]);

        foreach (var (exit, output, error) in new[] { analyze, evaluate })
        {
            Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
            Assert.StartsWith($"--json: {json} cannot be written: ", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public async Task Analyze_refuses_a_window_that_ends_before_it_starts()
    {
        var (exit, output, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "analyze",
            "--events", SharedData.Path("real", "ordonez_a", "events.jsonl"), "--home", SharedData.Path("real", "ordonez_a", "home.json"),
            "--from", "2011-12-05T00:00:00Z", "--to", "2011-12-01T00:00:00Z");

        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Equal("--from 2011-12-05T00:00:00.0000000+00:00 must be before --to 2011-12-01T00:00:00.0000000+00:00", error.Trim());
    }

    [Fact]
    public async Task Simulate_writes_a_history_whose_analysis_finds_the_planted_times()
    {
        var output = Path.Combine(_workDirectory, "sim");
        var simulate = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "21", "--seed", "5", "--out", output, "--end", "2026-03-20T00:00:00Z");
        Assert.True(simulate.ExitCode == 0, simulate.Output + simulate.Error);
        foreach (var file in new[] { "events.jsonl", "home.json", "bridge_devices.json", "truth.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file + " missing");
        }

        var json = Path.Combine(_workDirectory, "sim.json");
        var analyze = await DaemonProcess.RunAsync(_workDirectory, Timeout, "analyze", "--events", Path.Combine(output, "events.jsonl"), "--home", Path.Combine(output, "home.json"), "--json", json);
        Assert.True(analyze.ExitCode == 0, analyze.Output + analyze.Error);

        using var document = JsonDocument.Parse(File.ReadAllBytes(json));
        var found = document.RootElement.GetProperty("patterns").EnumerateArray()
            .Where(p => p.GetProperty("type").GetString() == "time_of_day")
            .Select(p => (Entity: p.GetProperty("entities")[0].GetString()!, State: p.GetProperty("states")[0].GetString()!, Time: TimeOnly.Parse(p.GetProperty("local_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var floorLampOn = SimulatedHome.Create(5).Routines.First(r => r.Human && r.EntityId.StartsWith("light.", StringComparison.Ordinal) && r.State == "on");
        Assert.Contains(found, f => f.Entity == floorLampOn.EntityId && f.State == "on" && CircularMinutesApart(f.Time, floorLampOn.LocalTime) <= 20);
    }

    [Fact]
    public async Task Simulate_refuses_an_unusable_output_or_window_in_one_line()
    {
        var file = Path.Combine(_workDirectory, "a-file");
        await File.WriteAllTextAsync(file, "");

        var intoFile = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "1", "--out", file, "--end", "2026-03-20T00:00:00Z");
        var farFuture = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "1", "--out", Path.Combine(_workDirectory, "far"), "--end", "9999-12-31T00:00:00Z");
        var tooLong = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "100000", "--out", Path.Combine(_workDirectory, "long"));

        Assert.True(intoFile.ExitCode == 2, intoFile.Output + intoFile.Error);
        Assert.StartsWith($"--out: {file} cannot be written: ", intoFile.Error, StringComparison.Ordinal);
        foreach (var refused in new[] { farFuture, tooLong })
        {
            Assert.True(refused.ExitCode == 2, refused.Output + refused.Error);
            Assert.Equal("--end/--days: the history must lie within the years 1900 to 2999 and span at most 3660 days", refused.Error.Trim());
        }
    }

    [Fact]
    public async Task Evaluate_scores_a_simulated_month_against_its_planted_truth()
    {
        var output = Path.Combine(_workDirectory, "sim30");
        var simulate = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "30", "--seed", "2", "--out", output, "--end", "2024-11-08T00:00:00Z");
        Assert.True(simulate.ExitCode == 0, simulate.Output + simulate.Error);

        var json = Path.Combine(_workDirectory, "scores.json");
        var evaluate = await DaemonProcess.RunAsync(_workDirectory, Timeout, "evaluate",
            "--events", Path.Combine(output, "events.jsonl"), "--home", Path.Combine(output, "home.json"), "--truth", Path.Combine(output, "truth.json"), "--json", json);
        Assert.True(evaluate.ExitCode == 0, evaluate.Output + evaluate.Error);

        using var document = JsonDocument.Parse(File.ReadAllBytes(json));
        var scores = document.RootElement.GetProperty("scores").EnumerateArray().ToDictionary(s => s.GetProperty("type").GetString()!);
        foreach (var kind in new[] { "time_of_day", "co_occurrence", "sequence", "duration", "room", "anomaly" })
        {
            var score = scores[kind];
            var planted = score.GetProperty("planted").GetInt32();
            var detected = score.GetProperty("detected").GetInt32();
            Assert.True(planted > 0, $"{kind}: nothing planted");
            Assert.True(score.GetProperty("recalled").GetInt32() >= 0.95 * planted, $"{kind}: {score}");
            Assert.True(score.GetProperty("correct").GetInt32() >= 0.90 * detected, $"{kind}: {score}");
        }
    }

    [Fact]
    public async Task Evaluate_and_analyze_use_the_configured_detector_settings_and_reject_invalid_ones_like_the_daemon()
    {
        var output = Path.Combine(_workDirectory, "sim21");
        var simulate = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "21", "--seed", "1", "--out", output, "--end", "2025-05-01T00:00:00Z");
        Assert.True(simulate.ExitCode == 0, simulate.Output + simulate.Error);
        string[] files = ["--events", Path.Combine(output, "events.jsonl"), "--home", Path.Combine(output, "home.json")];

        async Task<Dictionary<string, int>> DetectedAsync(IReadOnlyDictionary<string, string>? environment, params string[] extra)
        {
            var json = Path.Combine(_workDirectory, $"scores-{Guid.NewGuid():N}.json");
            var run = await DaemonProcess.RunAsync(_workDirectory, environment, Timeout, ["evaluate", .. files, "--truth", Path.Combine(output, "truth.json"), "--json", json, .. extra]);
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            using var document = JsonDocument.Parse(File.ReadAllBytes(json));
            return document.RootElement.GetProperty("scores").EnumerateArray().ToDictionary(s => s.GetProperty("type").GetString()!, s => s.GetProperty("detected").GetInt32());
        }

        var defaults = await DetectedAsync(null);
        var fromEnvironment = await DetectedAsync(new Dictionary<string, string> { ["HAINGESTOR__Detectors__TimeOfDay__MinOccurrences"] = "40" });
        var fromCommandLine = await DetectedAsync(null, "--set", "Detectors:Duration:MinPeriods=500", "--set", "HaIngestor:Detectors:CoOccurrence:MinCount=500");
        var invalid = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["evaluate", .. files, "--truth", Path.Combine(output, "truth.json"), "--set", "Detectors:TimeOfDay:MinOccurrences=0"]);
        var analyze = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["analyze", .. files, "--json", "-", "--set", "Detectors:TimeOfDay:MinOccurrences=40"]);

        Assert.True(defaults["time_of_day"] > 0 && defaults["duration"] > 0 && defaults["co_occurrence"] > 0, string.Join(", ", defaults));
        Assert.Equal(0, fromEnvironment["time_of_day"]);
        Assert.Equal(defaults["duration"], fromEnvironment["duration"]);
        Assert.Equal((0, 0), (fromCommandLine["duration"], fromCommandLine["co_occurrence"]));
        Assert.Equal(defaults["time_of_day"], fromCommandLine["time_of_day"]);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("Invalid configuration:", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("HaIngestor:Detectors: Invalid time_of_day settings: MinOccurrences must be at least 1", invalid.Error, StringComparison.Ordinal);
        Assert.True(analyze.ExitCode == 0, analyze.Error);
        using var result = JsonDocument.Parse(analyze.Output);
        Assert.DoesNotContain(result.RootElement.GetProperty("patterns").EnumerateArray(), p => p.GetProperty("type").GetString() == "time_of_day");
    }

    private static double CircularMinutesApart(TimeOnly a, TimeOnly b)
    {
        var minutes = Math.Abs((a.ToTimeSpan() - b.ToTimeSpan()).TotalMinutes);
        return Math.Min(minutes, 1440 - minutes);
    }

    [Fact]
    public async Task Run_on_a_port_already_in_use_says_so_in_one_line_and_exits()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        var (exit, _, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "run", "--mqtt-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, exit);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}: the port is in use", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_with_an_automations_file_leaves_out_what_an_enabled_automation_already_does()
    {
        var output = Path.Combine(_workDirectory, "sim-automated");
        var simulate = await DaemonProcess.RunAsync(_workDirectory, Timeout, "simulate", "--days", "21", "--seed", "5", "--out", output, "--end", "2026-03-20T00:00:00Z");
        Assert.True(simulate.ExitCode == 0, simulate.Output + simulate.Error);
        string[] files = ["--events", Path.Combine(output, "events.jsonl"), "--home", Path.Combine(output, "home.json")];
        var plain = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["analyze", .. files, "--json", "-"]);
        Assert.True(plain.ExitCode == 0, plain.Error);
        using var plainResult = JsonDocument.Parse(plain.Output);
        Assert.False(plainResult.RootElement.TryGetProperty("home_assistant", out _));
        var floorLamp = SimulatedHome.Create(5).Routines.First(r => r.Human && r.EntityId.StartsWith("light.", StringComparison.Ordinal) && r.State == "on");
        var titles = Titles(plainResult);
        var lampOnSuggestion = plainResult.RootElement.GetProperty("suggestions").EnumerateArray().Single(s =>
            s.GetProperty("title").GetString()!.StartsWith("Turn on", StringComparison.Ordinal)
            && s.GetProperty("yaml").GetString()!.Contains("entity_id: " + floorLamp.EntityId, StringComparison.Ordinal));
        var lampOn = lampOnSuggestion.GetProperty("title").GetString()!;
        var learned = LearnedTime(lampOnSuggestion);
        var other = plainResult.RootElement.GetProperty("suggestions").EnumerateArray().First(s =>
            s.GetProperty("title").GetString()!.StartsWith("Turn on", StringComparison.Ordinal) && s.GetProperty("title").GetString() != lampOn);
        var otherTarget = other.GetProperty("automation").GetProperty("actions")[0].GetProperty("target").GetProperty("entity_id").GetString();

        // The user's own automation, in the legacy syntax and a quarter of an hour off the learned time; a second,
        // turned off in HA, would cover another suggestion and so leaves it in.
        var lampTime = learned.AddMinutes(-15).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var automations = Path.Combine(_workDirectory, "automations.yaml");
        File.WriteAllText(automations, $"""
            - id: '1700000000001'
              alias: Evening lamp
              trigger:
                - platform: time
                  at: '{lampTime}'
              action:
                - service: light.turn_on
                  entity_id: {floorLamp.EntityId}
            - id: '1700000000002'
              alias: Switched off for now
              initial_state: false
              trigger:
                - platform: time
                  at: '{LearnedTime(other):HH\:mm\:ss}'
              action:
                - service: light.turn_on
                  target:
                    entity_id: {otherTarget}
            """);

        var checkedRun = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["analyze", .. files, "--automations", automations, "--json", "-"]);

        Assert.True(checkedRun.ExitCode == 0, checkedRun.Error);
        using var result = JsonDocument.Parse(checkedRun.Output);
        var checkedTitles = Titles(result);
        Assert.DoesNotContain(lampOn, checkedTitles);
        Assert.Equal(titles.Where(t => t != lampOn), checkedTitles.Take(titles.Count - 1));
        Assert.Contains(other.GetProperty("title").GetString(), checkedTitles);
        var homeAssistant = result.RootElement.GetProperty("home_assistant");
        Assert.True(homeAssistant.GetProperty("checked").GetBoolean());
        Assert.Equal("file", homeAssistant.GetProperty("source").GetString());
        Assert.Equal(2, homeAssistant.GetProperty("automations").GetInt32());
        Assert.Equal(1, homeAssistant.GetProperty("enabled").GetInt32());
        Assert.Equal(1, homeAssistant.GetProperty("already_automated").GetInt32());
        var dropped = Assert.Single(result.RootElement.GetProperty("already_automated").EnumerateArray());
        Assert.Equal(lampOn, dropped.GetProperty("title").GetString());
        Assert.Equal("Evening lamp", dropped.GetProperty("automation").GetString());

        File.WriteAllText(automations, "- alias: [unclosed\n");
        var broken = await DaemonProcess.RunAsync(_workDirectory, Timeout, ["analyze", .. files, "--automations", automations]);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("automations.yaml is not valid YAML", broken.Error, StringComparison.Ordinal);
    }

    private static TimeOnly LearnedTime(JsonElement suggestion) =>
        TimeOnly.Parse(suggestion.GetProperty("automation").GetProperty("triggers")[0].GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Titles(JsonDocument result) =>
        result.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task Analyze_reports_a_missing_file_clearly()
    {
        var (exit, _, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "analyze", "--events", "nope.jsonl", "--home", SharedData.Path("real", "ordonez_a", "home.json"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.jsonl", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be releasing a file; the temporary directory is harmless.
        }
    }
}
