using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// An on-demand run through the REST API on the embedded default: the run is recorded, its suggestions are
/// served by the API and announced on ha-ai/analysis/complete and ha-ai/suggestions/new.
/// </summary>
public sealed class AnalysisApiTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("haingestor-api-").FullName;

    [Fact]
    public async Task A_run_requested_over_rest_is_served_and_announced_over_mqtt()
    {
        var home = SimulatedHome.Create(seed: 4);
        var mqttPort = FreePort.Find();
        var api = $"http://127.0.0.1:{FreePort.Find()}";
        await using var app = DaemonHost.Build(new DaemonStartOptions([], new Dictionary<string, string?>
        {
            ["HaIngestor:DataDirectory"] = _dataDirectory,
            ["HaIngestor:Mqtt:Host"] = "",
            ["HaIngestor:Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Home:TimeZone"] = home.TimeZoneId,
            ["HaIngestor:Analysis:WindowDays"] = "28",
            ["HaIngestor:Storage:RawRetentionDays"] = "30",
            ["HaIngestor:Api:Urls"] = api,
            ["HaIngestor:Api:Token"] = "test-token",
        }, Serilog.Events.LogEventLevel.Warning));
        await app.StartAsync();

        var now = DateTimeOffset.UtcNow;
        var history = new HistoryGenerator(home).Generate(now.AddDays(-28), 28).Where(e => e.Time < now).ToList();
        await app.Services.GetRequiredService<IEventStore>().AppendAsync(history);

        var announced = new ConcurrentDictionary<string, string>();
        using var listener = new MqttClientFactory().CreateMqttClient();
        listener.ApplicationMessageReceivedAsync += e =>
        {
            announced[e.ApplicationMessage.Topic] = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        await listener.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mqttPort).WithClientId("listener").Build());
        await listener.SubscribeAsync("ha-ai/#");

        using var http = new HttpClient { BaseAddress = new Uri(api) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/api/analysis/run", null)).StatusCode);
        http.DefaultRequestHeaders.Authorization = new("Bearer", "test-token");

        var accepted = await http.PostAsync("/api/analysis/run", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString();

        var run = await WaitForRunAsync(http, runId!);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(history.Count, run.GetProperty("events").GetInt32());

        var suggestions = (await http.GetFromJsonAsync<JsonElement>("/api/suggestions/list")).GetProperty("suggestions").EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 1, 10);
        foreach (var suggestion in suggestions)
        {
            var automation = suggestion.GetProperty("automation");
            Assert.Equal("time", automation.GetProperty("triggers")[0].GetProperty("trigger").GetString());
            Assert.Contains(".", automation.GetProperty("actions")[0].GetProperty("action").GetString(), StringComparison.Ordinal);
            Assert.Contains(suggestion.GetProperty("safety").GetProperty("level").GetString(), new[] { "safe", "review", "blocked" });
        }

        var patterns = (await http.GetFromJsonAsync<JsonElement>("/api/patterns/list")).GetProperty("patterns");
        Assert.True(patterns.GetArrayLength() >= suggestions.Count);

        await WaitUntilAsync(() => announced.ContainsKey("ha-ai/analysis/complete") && announced.ContainsKey("ha-ai/suggestions/new"));
        using var complete = JsonDocument.Parse(announced["ha-ai/analysis/complete"]);
        Assert.Equal(runId, complete.RootElement.GetProperty("run_id").GetString());
        using var published = JsonDocument.Parse(announced["ha-ai/suggestions/new"]);
        Assert.Equal(suggestions.Count, published.RootElement.GetArrayLength());
        Assert.Equal("online", announced["ha-ai/status"]);

        await app.StopAsync();
    }

    private static async Task<JsonElement> WaitForRunAsync(HttpClient http, string runId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var jobs = await http.GetFromJsonAsync<JsonElement>("/api/jobs");
            foreach (var run in jobs.GetProperty("runs").EnumerateArray())
            {
                if (run.GetProperty("run_id").GetString() == runId)
                {
                    return run.Clone();
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"run {runId} did not finish");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the MQTT announcements did not arrive");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold its file for a moment; the temporary directory is harmless.
        }
    }
}
