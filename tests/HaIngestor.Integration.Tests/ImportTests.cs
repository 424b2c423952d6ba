using System.Globalization;
using System.Net;
using System.Text.Json;
using HaIngestor.Daemon.Demo;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Integration.Tests.Infrastructure;
using HaIngestor.Simulation;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// <c>import</c> as users run it (a child process) into a data directory, then the daemon on that directory serving the
/// imported usage with its origins; and the lock that keeps an import off a running daemon's data.
/// </summary>
public sealed class ImportTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _work = Directory.CreateTempSubdirectory("haingestor-import-").FullName;
    private readonly SimulatedHome _home = SimulatedHome.Create(seed: 11);

    private string DataDirectory => Path.Combine(_work, "data");

    /// <summary>A light switched by a person in the UI, by an automation and at the wall; one unrelated entity and one bad line.</summary>
    private (string Events, string BridgeDevices, SimulatedDevice Light, string Entity) WriteInputs()
    {
        var light = _home.Devices.First(d => d.Entities.Any(e => e.EntityId.StartsWith("light.", StringComparison.Ordinal)));
        var entity = light.Entities.First(e => e.EntityId.StartsWith("light.", StringComparison.Ordinal)).EntityId;
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        string Line(int minute, string state, string old, string? user, string? parent) => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["time"] = start.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["entity_id"] = entity,
            ["state"] = state,
            ["old_state"] = old,
            ["context"] = new Dictionary<string, string?> { ["user_id"] = user, ["parent_id"] = parent },
            ["attributes"] = new Dictionary<string, object?> { ["friendly_name"] = light.FriendlyName },
        });
        var lines = new[]
        {
            Line(0, "on", "off", "user-1", null),
            Line(1, "off", "on", null, "automation-ctx"),
            Line(2, "on", "off", null, null),
            Line(3, "off", "on", "user-1", null),
            """{"time":"2025-01-01T00:00:00Z","entity_id":"person.someone","state":"home","old_state":"away"}""",
            """{"time":"not a time","entity_id":"light.x","state":"on"}""",
        };
        var events = Path.Combine(_work, "events.jsonl");
        File.WriteAllLines(events, lines);
        var bridgeDevices = Path.Combine(_work, "bridge_devices.json");
        File.WriteAllBytes(bridgeDevices, _home.BridgeDevicesPayload());
        return (events, bridgeDevices, light, entity);
    }

    [Fact]
    public async Task Imported_history_reaches_the_event_store_and_device_usage_by_origin_and_importing_it_again_adds_nothing_even_after_l1_pruned_it()
    {
        var (events, bridgeDevices, light, _) = WriteInputs();

        var (exit, output, error) = await DaemonProcess.RunAsync(
            _work, Timeout, "import", "--events", events, "--bridge-devices", bridgeDevices, "--data-dir", DataDirectory, "--json");

        Assert.True(exit == 3, $"exit {exit} (3: a line was skipped)\n{output}\n{error}");
        Assert.Contains("events.jsonl:6: skipped:", error, StringComparison.Ordinal);
        using (var summary = JsonDocument.Parse(output))
        {
            var root = summary.RootElement;
            Assert.Equal(5, root.GetProperty("lines").GetInt64());
            Assert.Equal(1, root.GetProperty("bad_lines").GetInt64());
            Assert.Equal(5, root.GetProperty("written").GetInt64());
            Assert.Equal(4, root.GetProperty("device_lines").GetInt64());
            var origins = root.GetProperty("feature_changes");
            Assert.Equal((3, 1, 4), (origins.GetProperty("human").GetInt64(), origins.GetProperty("automation").GetInt64(), origins.GetProperty("total").GetInt64()));
        }

        var (again, secondOutput, secondError) = await DaemonProcess.RunAsync(_work, Timeout, "import", "--events", events, "--data-dir", DataDirectory, "--json");
        Assert.True(again == 3, $"exit {again}\n{secondOutput}\n{secondError}");
        using (var second = JsonDocument.Parse(secondOutput))
        {
            Assert.Equal(0, second.RootElement.GetProperty("written").GetInt64());
            Assert.Equal(5, second.RootElement.GetProperty("duplicates").GetInt64());
            Assert.Equal(0, second.RootElement.GetProperty("feature_changes").GetProperty("total").GetInt64());
        }

        // L1 pruned the raw rows (as it does after its retention): nothing marks the lines as duplicates any more,
        // and the device actors alone know the uses were counted.
        var store = new HaIngestor.Storage.EventStore.SqliteEventStore($"Data Source={Path.Combine(DataDirectory, "haingestor.db")}");
        Assert.Equal(5, await store.PruneAsync(DateTimeOffset.UtcNow));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (third, thirdOutput, thirdError) = await DaemonProcess.RunAsync(_work, Timeout, "import", "--events", events, "--data-dir", DataDirectory, "--json");
        Assert.True(third == 3, $"exit {third}\n{thirdOutput}\n{thirdError}");
        using (var pruned = JsonDocument.Parse(thirdOutput))
        {
            var root = pruned.RootElement;
            Assert.Equal(5, root.GetProperty("written").GetInt64());
            Assert.Equal(4, root.GetProperty("device_lines").GetInt64());
            Assert.Equal(0, root.GetProperty("feature_changes").GetProperty("total").GetInt64());
            Assert.Equal(4, root.GetProperty("feature_changes_skipped").GetProperty("already_imported").GetInt64());
            Assert.Equal(0, root.GetProperty("feature_changes_skipped").GetProperty("seen_live").GetInt64());
        }

        Assert.Equal(5, await store.PruneAsync(DateTimeOffset.UtcNow));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (text, textOutput, textError) = await DaemonProcess.RunAsync(_work, Timeout, "import", "--events", events, "--data-dir", DataDirectory);
        Assert.True(text == 3, $"exit {text}\n{textOutput}\n{textError}");
        Assert.Contains("0 feature changes on 0 devices", textOutput, StringComparison.Ordinal);
        Assert.Contains("4 skipped as already imported, 0 as already seen live over MQTT", textOutput, StringComparison.Ordinal);

        await WithDaemonAsync(async http =>
        {
            var usage = await WaitForAsync(http, $"/api/devices/{light.IeeeAddress}/usage", j => j.GetProperty("usage").GetProperty("features").TryGetProperty("state", out _));
            var state = usage.GetProperty("usage").GetProperty("features").GetProperty("state");
            Assert.Equal(4, state.GetProperty("changes").GetInt32());
            Assert.Equal(3, state.GetProperty("by_origin").GetProperty("human").GetInt32());
            Assert.Equal(1, state.GetProperty("by_origin").GetProperty("automation").GetInt32());
            Assert.Equal(4, state.GetProperty("window_by_origin").GetProperty("total").GetInt32());
            var window = usage.GetProperty("usage").GetProperty("window");
            Assert.True(window.GetProperty("used").GetInt32() >= 1);
            Assert.DoesNotContain("state", window.GetProperty("unused").EnumerateArray().Select(u => u.GetString()));
            var today = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;
            Assert.InRange(DateOnly.Parse(window.GetProperty("from").GetString()!, CultureInfo.InvariantCulture).DayNumber, today - 31, today - 29);

            // The daemon holds the data directory: an import now is refused, and changes nothing.
            var (refused, refusedOutput, refusedError) = await DaemonProcess.RunAsync(_work, Timeout, "import", "--events", events, "--data-dir", DataDirectory);
            Assert.True(refused == 1, $"exit {refused}\n{refusedOutput}\n{refusedError}");
            Assert.Contains("in use by another HaIngestor process", refusedError, StringComparison.Ordinal);
        });
    }

    private async Task WithDaemonAsync(Func<HttpClient, Task> body)
    {
        var mqttPort = FreePort.Find();
        var apiUrl = $"http://127.0.0.1:{FreePort.Find()}";
        await using var app = DaemonHost.Build(new DaemonStartOptions([], new Dictionary<string, string?>
        {
            ["HaIngestor:DataDirectory"] = DataDirectory,
            ["HaIngestor:Mqtt:Host"] = "",
            ["HaIngestor:Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["HaIngestor:Mqtt:ClientId"] = "ha-ingestor-import-" + Guid.NewGuid().ToString("N")[..8],
            ["HaIngestor:Home:TimeZone"] = _home.TimeZoneId,
            ["HaIngestor:Api:Urls"] = apiUrl,
        }, Serilog.Events.LogEventLevel.Warning));
        await app.StartAsync();
        try
        {
            await using var zigbee = new SimulatedZigbee2Mqtt(_home, "127.0.0.1", mqttPort);
            await zigbee.ConnectAsync(CancellationToken.None);
            await zigbee.WaitForDaemonOnlineAsync("ha-ai", Patience, CancellationToken.None);
            await zigbee.PublishHomeAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            using var http = new HttpClient { BaseAddress = new Uri(apiUrl) };
            await body(http);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient http, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var json = document.RootElement.Clone();
                if (done(json) || DateTime.UtcNow > deadline)
                {
                    return json;
                }
            }
            else if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} answered {response.StatusCode}");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }
}
