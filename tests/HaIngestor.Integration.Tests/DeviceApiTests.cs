using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HaIngestor.Daemon.Demo;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Simulation;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// The device endpoints of the REST API on the whole daemon, with the embedded broker: the simulated home's device
/// list and states go through the bridge and the device actors, then come back out of /api/devices.
/// </summary>
public sealed class DeviceApiTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("haingestor-api-").FullName;
    private readonly SimulatedHome _home = SimulatedHome.Create(seed: 11);

    /// <summary>
    /// Starts the daemon and the simulated Zigbee2MQTT, publishes the home, runs <paramref name="body"/>, then
    /// disconnects the simulator before the daemon (and its embedded broker) stops.
    /// </summary>
    private async Task RunAsync(string? token, Func<HttpClient, SimulatedZigbee2Mqtt, Task> body)
    {
        var mqttPort = FreePort.Find();
        var apiUrl = $"http://127.0.0.1:{FreePort.Find()}";
        await using var app = DaemonHost.Build(new DaemonStartOptions([], new Dictionary<string, string?>
        {
            ["HaIngestor:DataDirectory"] = _dataDirectory,
            ["HaIngestor:Mqtt:Host"] = "",
            ["HaIngestor:Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Mqtt:ClientId"] = "ha-ingestor-api-" + Guid.NewGuid().ToString("N")[..8],
            ["HaIngestor:Home:TimeZone"] = _home.TimeZoneId,
            ["HaIngestor:Api:Urls"] = apiUrl,
            ["HaIngestor:Api:Token"] = token,
        }, Serilog.Events.LogEventLevel.Warning));
        await app.StartAsync();
        try
        {
            var zigbee = new SimulatedZigbee2Mqtt(_home, "127.0.0.1", mqttPort);
            try
            {
                await zigbee.ConnectAsync(CancellationToken.None);
                await zigbee.WaitForDaemonOnlineAsync("ha-ai", Patience, CancellationToken.None);
                await zigbee.PublishHomeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
                using var http = new HttpClient { BaseAddress = new Uri(apiUrl) };
                if (token is not null)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                await body(http, zigbee);
            }
            finally
            {
                await zigbee.DisposeAsync();
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="done"/> holds for the answer of <paramref name="path"/>, and returns that answer.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient http, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement last;
        do
        {
            last = await GetJsonAsync(http, path);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return last;
    }

    [Fact]
    public Task Devices_their_capabilities_and_their_usage_are_served_and_an_unknown_device_is_404() =>
        RunAsync(token: null, async (http, zigbee) =>
        {
            var listed = await WaitForAsync(http, "/api/devices", j => j.GetProperty("devices").GetArrayLength() >= _home.Devices.Count);
            Assert.Equal(
                _home.Devices.Select(d => d.IeeeAddress).Order(StringComparer.Ordinal),
                listed.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("ieee_address").GetString()!).Where(i => _home.Devices.Any(d => d.IeeeAddress == i)).Order(StringComparer.Ordinal));

            var light = _home.Devices.First(d => d.Entities.Any(e => e.EntityId.StartsWith("light.", StringComparison.Ordinal)));
            var capabilities = await GetJsonAsync(http, $"/api/devices/{light.IeeeAddress}/capabilities");
            Assert.Equal(light.FriendlyName, capabilities.GetProperty("friendly_name").GetString());
            var state = capabilities.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "state");
            Assert.True(state.GetProperty("access").GetProperty("set").GetBoolean());
            Assert.Equal(light.Entities.First(e => e.EntityId.StartsWith("light.", StringComparison.Ordinal)).EntityId, state.GetProperty("entity_id").GetString());
            Assert.True(capabilities.GetProperty("classification").GetProperty("controllable").GetInt32() >= 1);

            // Switch the light twice: the device actor counts both changes of its state.
            var entity = light.Entities.First(e => e.EntityId.StartsWith("light.", StringComparison.Ordinal)).EntityId;
            var now = DateTimeOffset.UtcNow;
            var initial = await WaitForAsync(http, $"/api/devices/{light.IeeeAddress}/usage", j => j.GetProperty("usage").GetProperty("features").TryGetProperty("state", out _));
            var first = initial.GetProperty("usage").GetProperty("features").GetProperty("state").GetProperty("last_value").GetString() == "ON" ? "off" : "on";
            Assert.True(await zigbee.PublishChangeAsync(new Domain.Events.StateChange(now, entity, first), CancellationToken.None));
            Assert.True(await zigbee.PublishChangeAsync(new Domain.Events.StateChange(now.AddSeconds(1), entity, first == "on" ? "off" : "on"), CancellationToken.None));
            var usage = await WaitForAsync(http, $"/api/devices/{light.IeeeAddress}/usage",
                j => j.GetProperty("usage").GetProperty("features").GetProperty("state").GetProperty("changes").GetInt32() >= 2);
            Assert.Equal(2, usage.GetProperty("usage").GetProperty("features").GetProperty("state").GetProperty("changes").GetInt32());
            Assert.True(usage.GetProperty("usage").GetProperty("used").GetInt32() >= 1);
            Assert.Equal(light.FriendlyName, usage.GetProperty("friendly_name").GetString());

            using var missing = await http.GetAsync("/api/devices/0xdeadbeefdeadbeef/usage");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            using var missingCapabilities = await http.GetAsync("/api/devices/0xdeadbeefdeadbeef/capabilities");
            Assert.Equal(HttpStatusCode.NotFound, missingCapabilities.StatusCode);

            var changes = await GetJsonAsync(http, "/api/devices/changes");
            Assert.Contains(changes.GetProperty("changes").EnumerateArray(),
                c => c.GetProperty("event").GetString() == "added" && c.GetProperty("ieee_address").GetString() == light.IeeeAddress);
        });

    [Fact]
    public Task With_a_token_the_device_endpoints_need_it() =>
        RunAsync(token: "s3cret-token", async (http, _) =>
        {
            var device = _home.Devices[0];

            await WaitForAsync(http, "/api/devices", j => j.GetProperty("devices").GetArrayLength() >= _home.Devices.Count);
            using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };
            using var wrong = new HttpClient { BaseAddress = http.BaseAddress };
            wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-it");

            foreach (var path in new[] { "/api/devices", $"/api/devices/{device.IeeeAddress}/capabilities", $"/api/devices/{device.IeeeAddress}/usage" })
            {
                using var withoutToken = await anonymous.GetAsync(path);
                Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
                using var withWrongToken = await wrong.GetAsync(path);
                Assert.Equal(HttpStatusCode.Unauthorized, withWrongToken.StatusCode);
                using var withToken = await http.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
            }
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment after the host stopped; the temp dir is harmless.
        }
    }
}
