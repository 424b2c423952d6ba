using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using HaIngestor.Actors;
using HaIngestor.Actors.Protocol;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Daemon.Demo;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;
using Serilog.Events;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>demo</c>: the daemon on its embedded default (embedded broker, one SQLite file) with a simulated
/// Zigbee2MQTT home. Back-fills the simulated history into the event store, publishes the home over MQTT,
/// runs the analysis through the actor tree and prints the top suggestions; then keeps the home running.
/// </summary>
public static class DemoCommand
{
    private const int BackfillBatch = 5_000;

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "exit after printing the suggestions" };
        var days = new Option<int>("--days") { Description = "days of simulated history to back-fill", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "random seed of the simulated home", DefaultValueFactory = _ => 1 };
        var dataDir = new Option<string>("--data-dir") { Description = "data directory of the demo (its database is recreated)", DefaultValueFactory = _ => "./data/demo" };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "embedded broker port (0: any free port)", DefaultValueFactory = _ => 0 };
        var apiUrls = new Option<string?>("--api-urls") { Description = "REST API address (default: a free port on 127.0.0.1)" };
        var command = new Command("demo", "Daemon + embedded broker + simulated home: back-fill, analyse, print the top suggestions")
        {
            once, days, seed, dataDir, mqttPort, apiUrls,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await RunAsync(parse.GetValue(once), parse.GetValue(days), parse.GetValue(seed), parse.GetValue(dataDir)!, parse.GetValue(mqttPort), parse.GetValue(apiUrls), ct);
            }
            catch (InvalidConfigurationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(bool once, int days, int seed, string dataDir, int mqttPort, string? apiUrls, CancellationToken ct)
    {
        if (days < 1)
        {
            Console.Error.WriteLine("--days must be at least 1");
            return 2;
        }

        var wall = Stopwatch.StartNew();
        var home = SimulatedHome.Create(seed);
        ResetDemoDatabase(dataDir);
        var port = mqttPort > 0 ? mqttPort : FreePort.Find();
        var urls = apiUrls ?? $"http://127.0.0.1:{FreePort.Find()}";
        var overrides = new Dictionary<string, string?>
        {
            ["HaIngestor:DataDirectory"] = dataDir,
            ["HaIngestor:Mqtt:Host"] = "",
            ["HaIngestor:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Home:Name"] = home.Name,
            ["HaIngestor:Home:TimeZone"] = home.TimeZoneId,
            ["HaIngestor:Home:Latitude"] = home.Latitude.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Home:Longitude"] = home.Longitude.ToString(CultureInfo.InvariantCulture),
            // The demo analyses the whole back-filled history and keeps it.
            ["HaIngestor:Analysis:WindowDays"] = days.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Storage:RawRetentionDays"] = (days + 1).ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Api:Urls"] = urls,
        };

        await using var app = DaemonHost.Build(new DaemonStartOptions([], overrides, once ? LogEventLevel.Warning : LogEventLevel.Information));
        await app.StartAsync(ct);
        Console.WriteLine($"HaIngestor demo: embedded broker on 127.0.0.1:{port}, REST API on {urls}, data in {Path.GetFullPath(dataDir)}");

        var now = DateTimeOffset.UtcNow;
        var from = now.AddDays(-days);
        var store = app.Services.GetRequiredService<IEventStore>();
        var backfill = Stopwatch.StartNew();
        var history = new HistoryGenerator(home).Generate(from, days).Where(e => e.Time < now).ToList();
        foreach (var batch in history.Chunk(BackfillBatch))
        {
            await store.AppendAsync(batch, ct);
        }

        Console.WriteLine($"Back-filled {history.Count} simulated state changes of {days} days in {backfill.ElapsedMilliseconds} ms");

        await using var zigbee = new SimulatedZigbee2Mqtt(home, "127.0.0.1", port);
        await zigbee.ConnectAsync(ct);
        await zigbee.WaitForDaemonOnlineAsync("ha-ai", TimeSpan.FromSeconds(30), ct);
        var published = await zigbee.PublishHomeAsync(now, ct);
        Console.WriteLine($"Simulated Zigbee2MQTT published the device list and {published - 1} device states");

        var guardian = app.Services.GetRequiredService<IRequiredActor<HaIngestorGuardian>>().ActorRef;
        var analysis = Stopwatch.StartNew();
        var report = await RunAnalysisAsync(guardian, from, now.AddMinutes(1), ct);
        if (report is null)
        {
            Console.Error.WriteLine("The analysis did not finish in time");
            await app.StopAsync(CancellationToken.None);
            return 1;
        }

        var suggestions = await guardian.Ask<SuggestionsView>(GetSuggestions.Instance, TimeSpan.FromSeconds(10), ct);
        var patterns = await guardian.Ask<PatternsView>(GetPatterns.Instance, TimeSpan.FromSeconds(10), ct);
        Console.WriteLine($"Analysis {report.RunId}: {report.Status.ToString().ToLowerInvariant()}, {report.EventCount} events, {report.PatternCount} patterns, {report.SuggestionCount} suggestions in {analysis.ElapsedMilliseconds} ms");
        foreach (var (name, error) in report.Failures)
        {
            Console.WriteLine($"  failed: {name}: {error}");
        }

        ConsoleTables.WritePatterns(Console.Out, patterns.Patterns);
        ConsoleTables.WriteSuggestions(Console.Out, suggestions.Suggestions, withYaml: true);
        Console.WriteLine();
        Console.WriteLine($"Demo wall time {wall.ElapsedMilliseconds} ms");

        if (!once)
        {
            Console.WriteLine($"Running; try {urls}/api/suggestions/list. Ctrl+C stops.");
            await KeepHomeRunningAsync(zigbee, home, now, ct);
        }

        await app.StopAsync(CancellationToken.None);
        return report.Status == AnalysisRunStatus.Failed ? 1 : 0;
    }

    private static async Task<AnalysisRunReport?> RunAnalysisAsync(IActorRef guardian, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        string? runId = null;
        while (runId is null && DateTime.UtcNow < deadline)
        {
            var reply = await guardian.Ask<object>(new RunAnalysisNow("demo", from, to), TimeSpan.FromSeconds(10), ct);
            if (reply is AnalysisRunAccepted accepted)
            {
                runId = accepted.RunId;
            }
            else
            {
                // A catch-up run may be under way right after start; the demo's own run follows it.
                await Task.Delay(200, ct);
            }
        }

        while (runId is not null && DateTime.UtcNow < deadline)
        {
            var history = await guardian.Ask<RunHistory>(GetRunHistory.Instance, TimeSpan.FromSeconds(10), ct);
            if (history.Runs.FirstOrDefault(r => r.RunId == runId) is { } report)
            {
                return report;
            }

            await Task.Delay(100, ct);
        }

        return null;
    }

    /// <summary>Plays the simulated home's next day live over MQTT, one change a second, until stopped.</summary>
    private static async Task KeepHomeRunningAsync(SimulatedZigbee2Mqtt zigbee, SimulatedHome home, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            foreach (var change in new HistoryGenerator(home).Generate(now, 1))
            {
                if (await zigbee.PublishChangeAsync(change, ct))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
            }

            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void ResetDemoDatabase(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        foreach (var file in Directory.EnumerateFiles(dataDir, "haingestor.db*"))
        {
            File.Delete(file);
        }
    }
}
