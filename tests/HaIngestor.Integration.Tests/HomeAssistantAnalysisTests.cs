using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HaIngestor.Daemon.Demo;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.Events;
using HaIngestor.Integration.Tests.Infrastructure;
using HaIngestor.Simulation;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// The whole daemon configured with a (fake) Home Assistant: the simulated kitchen motion sensor's dark-only lighting
/// is suggested while HA's automation that uses its illuminance as a condition is off, and no longer once it is on.
/// </summary>
public sealed class HomeAssistantAnalysisTests : IDisposable
{
    private const string ApiToken = "api-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("haingestor-ha-run-").FullName;
    private readonly SimulatedHome home = SimulatedHome.Create(seed: 5);

    [Fact]
    public async Task An_enabled_HA_automation_using_the_illuminance_as_condition_stops_the_dark_only_motion_suggestion()
    {
        var motion = home.Devices.Single(d => d.FriendlyName == "kitchen/motion");
        var occupancy = home.Entities.Single(e => e.DeviceIndex == home.Devices.ToList().IndexOf(motion) && e.Role == EntityRole.Occupancy).EntityId;
        var illuminance = home.Entities.Single(e => e.DeviceIndex == home.Devices.ToList().IndexOf(motion) && e.Role == EntityRole.Illuminance).EntityId;
        await using var ha = await FakeHomeAssistant.StartAsync();
        ha.AddAutomation("automation.kitchen_night_light", on: false, $$"""
            {"id":"1718030199999","alias":"Kitchen night light","mode":"single",
             "triggers":[{"trigger":"state","entity_id":"{{occupancy}}","to":"on"}],
             "conditions":[{"condition":"numeric_state","entity_id":"{{illuminance}}","below":15}],
             "actions":[{"action":"light.turn_on","target":{"entity_id":"light.kitchen_night_strip"},"data":{"brightness_pct":10} }]}
            """);
        ha.AddYamlOnlyAutomation("automation.old_yaml_one");

        var mqttPort = FreePort.Find();
        var api = $"http://127.0.0.1:{FreePort.Find()}";
        await using var app = DaemonHost.Build(new DaemonStartOptions([], new Dictionary<string, string?>
        {
            ["HaIngestor:DataDirectory"] = dataDirectory,
            ["HaIngestor:Mqtt:Host"] = "",
            ["HaIngestor:Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Mqtt:ClientId"] = "ha-ingestor-ha-" + Guid.NewGuid().ToString("N")[..8],
            ["HaIngestor:Home:TimeZone"] = home.TimeZoneId,
            ["HaIngestor:Api:Urls"] = api,
            ["HaIngestor:Api:Token"] = ApiToken,
            ["HaIngestor:HomeAssistant:Url"] = ha.Url.ToString(),
            ["HaIngestor:HomeAssistant:Token"] = FakeHomeAssistant.Token,
        }, Serilog.Events.LogEventLevel.Warning));
        await app.StartAsync();
        var zigbee = new SimulatedZigbee2Mqtt(home, "127.0.0.1", mqttPort);
        try
        {
            await zigbee.ConnectAsync(CancellationToken.None);
            await zigbee.WaitForDaemonOnlineAsync("ha-ai", Patience, CancellationToken.None);
            await zigbee.PublishHomeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            using var http = new HttpClient { BaseAddress = new Uri(api) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);

            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 6; i++)
            {
                Assert.True(await zigbee.PublishChangeAsync(new StateChange(now.AddSeconds(i), occupancy, i % 2 == 0 ? "on" : "off"), CancellationToken.None));
            }

            await WaitForAsync(http, $"/api/devices/{motion.IeeeAddress}/usage",
                j => j.GetProperty("usage").GetProperty("features").TryGetProperty("occupancy", out var o) && o.GetProperty("changes").GetInt32() >= 5);

            var whileOff = await RunAsync(http);
            var suggested = Assert.Single(whileOff.Suggestions, s => s.GetProperty("title").GetString()!.StartsWith("Turn on the lights at motion near kitchen/motion", StringComparison.Ordinal));
            Assert.Contains(
                $"no enabled Home Assistant automation uses {illuminance} as a condition (not checked: 1 automation whose config could not be read)",
                suggested.GetProperty("description").GetString(),
                StringComparison.Ordinal);
            Assert.True(whileOff.HomeAssistant.GetProperty("checked").GetBoolean());
            Assert.Equal("rest", whileOff.HomeAssistant.GetProperty("source").GetString());
            Assert.Equal(1, whileOff.HomeAssistant.GetProperty("automations").GetInt32());
            Assert.Equal(0, whileOff.HomeAssistant.GetProperty("enabled").GetInt32());
            Assert.Equal(1, whileOff.HomeAssistant.GetProperty("skipped").GetInt32());
            Assert.Equal(0, whileOff.HomeAssistant.GetProperty("already_automated").GetInt32());

            ha.SetState("automation.kitchen_night_light", "on");
            var whileOn = await RunAsync(http);
            Assert.DoesNotContain(whileOn.Suggestions, s => s.GetProperty("title").GetString()!.StartsWith("Turn on the lights at motion near kitchen/motion", StringComparison.Ordinal));
            Assert.Equal(1, whileOn.HomeAssistant.GetProperty("enabled").GetInt32());
            Assert.Equal(1, whileOn.HomeAssistant.GetProperty("already_automated").GetInt32());
            Assert.All(ha.Requests, r => Assert.StartsWith("GET /api/", r, StringComparison.Ordinal));
        }
        finally
        {
            await zigbee.DisposeAsync();
            await app.StopAsync();
        }
    }

    /// <summary>Runs an analysis over REST and returns the suggestions served after it and the run's HA check, as /api/jobs reports it.</summary>
    private static async Task<(List<JsonElement> Suggestions, JsonElement HomeAssistant)> RunAsync(HttpClient http)
    {
        var accepted = await http.PostAsync("/api/analysis/run", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString();
        var jobs = await WaitForAsync(http, "/api/jobs", j => j.GetProperty("runs").EnumerateArray().Any(r => r.GetProperty("run_id").GetString() == runId));
        var run = jobs.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("run_id").GetString() == runId);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var list = await WaitForAsync(http, "/api/suggestions/list", j => j.GetProperty("run").ValueKind == JsonValueKind.Object && j.GetProperty("run").GetProperty("run_id").GetString() == runId);
        Assert.Equal(run.GetProperty("home_assistant").GetRawText(), list.GetProperty("run").GetProperty("home_assistant").GetRawText());
        return (list.GetProperty("suggestions").EnumerateArray().ToList(), run.GetProperty("home_assistant").Clone());
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient http, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (done(document.RootElement) || DateTime.UtcNow > deadline)
            {
                return document.RootElement.Clone();
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold its file for a moment; the temporary directory is harmless.
        }
    }
}
