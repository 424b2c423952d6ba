using System.Text.Json.Nodes;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Daemon.Hosting;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Integration.Tests.Infrastructure;
using HaIngestor.Storage.HomeAssistant;
using Microsoft.Extensions.Configuration;

namespace HaIngestor.Integration.Tests;

/// <summary>Reading Home Assistant's automations over its REST API (against a faithful fake HA) and from automations.yaml.</summary>
public sealed class HomeAssistantAutomationsTests : IDisposable
{
    private const string MotionLight = """
        {"id":"1718030112345","alias":"Hallway motion light","description":"","mode":"restart",
         "triggers":[{"trigger":"state","entity_id":["binary_sensor.hallway_motion_occupancy"],"from":"off","to":"on"}],
         "conditions":[{"condition":"numeric_state","entity_id":"sensor.hallway_motion_illuminance","below":30}],
         "actions":[{"action":"light.turn_on","metadata":{},"data":{},"target":{"entity_id":"light.hallway_ceiling"}}]}
        """;

    private const string WasherDone = """
        {"id":"washer_done","alias":"Washing machine finished","mode":"single",
         "trigger":[{"platform":"numeric_state","entity_id":"sensor.laundry_washer_plug_power","below":5,"for":{"minutes":5}}],
         "action":[{"service":"notify.mobile_app_pixel","data":{"message":"The washing is done"}}]}
        """;

    /// <summary>Made in HA's UI by picking devices: the entities are named by registry id, the target by device.</summary>
    private const string DeviceMotionLight = """
        {"id":"1718030155555","alias":"Porch motion (device)","mode":"single",
         "triggers":[{"type":"occupied","device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"0c1d2e3f40516273849506a7b8c9d0e1","domain":"binary_sensor","trigger":"device"}],
         "conditions":[{"condition":"device","type":"is_illuminance","device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"1f2e3d4c5b6a79880716253443526170","domain":"sensor","below":30}],
         "actions":[{"action":"light.turn_on","target":{"device_id":"b7e2d1c0a9f8475e6d5c4b3a29180706"}}]}
        """;

    private const string AutomationsYaml = """
        - id: '1718030112345'
          alias: Hallway motion light
          description: ''
          triggers:
          - trigger: state
            entity_id:
            - binary_sensor.hallway_motion_occupancy
            to: 'on'
          conditions:
          - condition: numeric_state
            entity_id: sensor.hallway_motion_illuminance
            below: 30
          actions:
          - action: light.turn_on
            target:
              entity_id: light.hallway_ceiling
          mode: restart
        - id: night_mode
          alias: Night mode
          initial_state: false
          trigger:
          - platform: time
            at: '23:00:00'
          condition: "{{ is_state('input_boolean.guests', 'off') }}"
          action:
          - service: light.turn_off
            entity_id: all
          - service: cover.close_cover
            target:
              area_id: living_room
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("haingestor-ha-").FullName;

    private static HomeAssistantRestAutomations Client(Uri url, string token = FakeHomeAssistant.Token, double timeoutSeconds = 5) =>
        new(url, token, TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public async Task Every_automation_is_read_with_its_state_and_those_HA_cannot_give_are_counted()
    {
        await using var ha = await FakeHomeAssistant.StartAsync();
        ha.AddEntity("sun.sun", "above_horizon");
        ha.AddAutomation("automation.hallway_motion_light", on: true, MotionLight);
        ha.AddAutomation("automation.washing_machine_finished", on: false, WasherDone);
        ha.AddYamlOnlyAutomation("automation.legacy_yaml");
        ha.AddPackageAutomation("automation.from_package", "package_auto");
        ha.AddAutomation("automation.porch_motion_device", on: true, DeviceMotionLight);
        ha.EntityRegistry = JsonNode.Parse("""
            [{"area_id":null,"device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"binary_sensor.porch_motion_occupancy","id":"0c1d2e3f40516273849506a7b8c9d0e1","platform":"mqtt"},
             {"area_id":null,"device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"sensor.porch_motion_illuminance","id":"1f2e3d4c5b6a79880716253443526170","platform":"mqtt"},
             {"area_id":null,"device_id":"b7e2d1c0a9f8475e6d5c4b3a29180706","entity_id":"light.porch","id":"2a3b4c5d6e7f80910a1b2c3d4e5f6071","platform":"mqtt"}]
            """)!.AsArray();
        ha.DeviceRegistry = JsonNode.Parse("""[{"area_id":"porch","id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","name":"porch/motion"},{"area_id":"porch","id":"b7e2d1c0a9f8475e6d5c4b3a29180706","name":"porch/light"}]""")!.AsArray();
        using var client = Client(ha.Url);

        var fetched = await client.ReadAsync();

        Assert.Null(fetched.Unavailable);
        Assert.Equal("rest", fetched.Source);
        Assert.Equal(2, fetched.Unfetchable);
        Assert.Contains(fetched.Problems, p => p.StartsWith("automation.legacy_yaml: has no 'id'", StringComparison.Ordinal));
        Assert.Contains(fetched.Problems, p => p.StartsWith("automation.from_package: Home Assistant has no editable config for id 'package_auto' (404)", StringComparison.Ordinal));
        Assert.Equal(
            [("automation.hallway_motion_light", true), ("automation.washing_machine_finished", false), ("automation.porch_motion_device", true)],
            fetched.Entries.Select(e => (e.EntityId, e.Enabled)));
        Assert.Equal(
            [
                "GET /api/states", "GET /api/config/automation/config/1718030112345", "GET /api/config/automation/config/washer_done",
                "GET /api/config/automation/config/package_auto", "GET /api/config/automation/config/1718030155555", "GET /api/websocket",
            ],
            ha.Requests);
        Assert.NotNull(fetched.Registry);
        Assert.Equal(3, fetched.Registry.EntityCount);

        var catalog = HaAutomationCatalog.Build(fetched.Entries, fetched.Registry);
        var porch = Assert.Single(catalog.Automations, a => a.Alias == "Porch motion (device)");
        Assert.Equal("binary_sensor.porch_motion_occupancy", Assert.Single(porch.Triggers).EntityId);
        Assert.Equal(["light.porch"], porch.TargetEntities);
        Assert.Same(porch, catalog.UsingAsCondition("sensor.porch_motion_illuminance"));
        Assert.Equal("Hallway motion light", catalog.UsingAsCondition("sensor.hallway_motion_illuminance")?.Alias);
        Assert.Null(catalog.UsingAsTrigger("sensor.laundry_washer_plug_power"));
        Assert.Equal("Washing machine finished", Assert.Single(catalog.Automations, a => !a.Enabled).Alias);
    }

    [Fact]
    public async Task A_wrong_token_is_one_clear_reason_that_never_shows_the_token()
    {
        await using var ha = await FakeHomeAssistant.StartAsync();
        ha.AddAutomation("automation.hallway_motion_light", on: true, MotionLight);
        using var client = Client(ha.Url, token: "wrong-secret-token-123");

        var fetched = await client.ReadAsync();

        Assert.Equal("Home Assistant refused the token (401 Unauthorized): check HomeAssistant:Token", fetched.Unavailable);
        Assert.Empty(fetched.Entries);
        Assert.Equal(["GET /api/states"], ha.Requests);
    }

    [Fact]
    public async Task The_websocket_api_refusing_the_token_leaves_the_registries_unread_with_a_reason()
    {
        await using var ha = await FakeHomeAssistant.StartAsync();

        var (refused, why) = await HomeAssistantRegistries.ReadAsync(ha.Url, "wrong-secret-token-123", TimeSpan.FromSeconds(5), CancellationToken.None);
        var (read, none) = await HomeAssistantRegistries.ReadAsync(ha.Url, FakeHomeAssistant.Token, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Null(refused);
        Assert.Equal("Home Assistant's WebSocket API refused the token (auth_invalid): check HomeAssistant:Token", why);
        Assert.NotNull(read);
        Assert.Null(none);
    }

    [Fact]
    public async Task HA_down_or_hung_makes_the_read_unavailable_without_throwing()
    {
        var downPort = FreePort.Find();
        using var down = Client(new Uri($"http://127.0.0.1:{downPort}"));
        await using var ha = await FakeHomeAssistant.StartAsync();
        ha.AddAutomation("automation.hallway_motion_light", on: true, MotionLight);
        ha.Delay = TimeSpan.FromSeconds(5);
        using var hung = Client(ha.Url, timeoutSeconds: 0.5);

        var unreachable = await down.ReadAsync();
        var timedOut = await hung.ReadAsync();

        Assert.StartsWith($"Home Assistant at http://127.0.0.1:{downPort}/ is unreachable: ", unreachable.Unavailable, StringComparison.Ordinal);
        Assert.Equal($"Home Assistant did not answer {ha.Url}api/states within 0.5 s", timedOut.Unavailable);
    }

    [Fact]
    public async Task Automations_yaml_is_read_in_both_syntaxes_and_initial_state_false_counts_as_disabled()
    {
        var file = Path.Combine(directory, "automations.yaml");
        await File.WriteAllTextAsync(file, AutomationsYaml);

        var fetched = await new AutomationsYamlFile(file).ReadAsync();

        Assert.Null(fetched.Unavailable);
        Assert.Equal([true, false], fetched.Entries.Select(e => e.Enabled));
        var catalog = HaAutomationCatalog.Build(fetched.Entries);
        Assert.Empty(catalog.Problems);
        Assert.Equal("Hallway motion light", catalog.UsingAsCondition("sensor.hallway_motion_illuminance")?.Alias);
        var night = catalog.Automations[1];
        Assert.Equal([new TimeOnly(23, 0)], night.TriggerTimes);
        Assert.Equal([new EntityReference("input_boolean.guests")], night.Conditions);
        Assert.Equal(["living_room"], night.Actions[1].Areas);
        Assert.Equal("30", fetched.Entries[0].Config!["conditions"]![0]!["below"]!.ToJsonString());
    }

    [Fact]
    public async Task A_broken_or_missing_file_is_unavailable_with_where_and_why()
    {
        var broken = Path.Combine(directory, "broken.yaml");
        await File.WriteAllTextAsync(broken, "- id: a\n  alias: [unclosed\n");

        var bad = await new AutomationsYamlFile(broken).ReadAsync();
        var missing = await new AutomationsYamlFile(Path.Combine(directory, "none.yaml")).ReadAsync();
        var notAList = AutomationsYamlFile.Parse("alias: one automation\n", "single.yaml");

        Assert.StartsWith($"{broken} is not valid YAML at line ", bad.Unavailable, StringComparison.Ordinal);
        Assert.StartsWith($"{Path.Combine(directory, "none.yaml")} cannot be read", missing.Unavailable, StringComparison.Ordinal);
        Assert.Equal("single.yaml is not a list of automations", notAList.Unavailable);
        Assert.Null(AutomationsYamlFile.Parse("", "empty.yaml").Unavailable);
    }

    [Fact]
    public void Aliases_expanding_beyond_any_real_file_make_it_unavailable_and_ordinary_aliases_are_read()
    {
        var levels = new List<string> { "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        foreach (var (name, previous) in new[] { ("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("f", "e") })
        {
            levels.Add($"  {name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]");
        }

        var bomb = AutomationsYamlFile.Parse("- alias: laughs\n" + string.Join("\n", levels) + "\n  triggers: *f\n", "laughs.yaml");
        var shared = AutomationsYamlFile.Parse(
            "- alias: first\n  triggers: &at [{trigger: time, at: \"07:00\"}]\n  actions: []\n- alias: second\n  triggers: *at\n  actions: []\n", "shared.yaml");

        Assert.Equal($"laughs.yaml expands to more than {AutomationsYamlFile.MaxValues} values (aliases repeating aliases?)", bomb.Unavailable);
        Assert.Null(shared.Unavailable);
        Assert.Equal(2, shared.Entries.Count);
        Assert.Equal("07:00", shared.Entries[1].Config!["triggers"]![0]!["at"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_both_configured_the_file_is_read_when_HA_is_unreachable()
    {
        var file = Path.Combine(directory, "automations.yaml");
        await File.WriteAllTextAsync(file, AutomationsYaml);
        var options = Bind(("HaIngestor:HomeAssistant:Url", $"http://127.0.0.1:{FreePort.Find()}"), ("HaIngestor:HomeAssistant:Token", "t"), ("HaIngestor:HomeAssistant:AutomationsFile", file));
        Assert.Empty(OptionsValidation.Problems(options));

        var source = HomeAssistantAutomations.Create(options.HomeAssistant)!;
        var fetched = await source.ReadAsync();
        (source as IDisposable)?.Dispose();

        Assert.Equal("file", fetched.Source);
        Assert.Equal(2, fetched.Entries.Count);
        Assert.Contains("rest unavailable (Home Assistant at http://127.0.0.1:", fetched.Problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ha.local:8123", "", null, "HaIngestor:HomeAssistant:Token is required when HaIngestor:HomeAssistant:Url is set")]
    [InlineData("ha.local:8123", "token", null, "HaIngestor:HomeAssistant:Url 'ha.local:8123' is not an http(s) URL")]
    [InlineData("", "token", null, "HaIngestor:HomeAssistant:Token is set but HaIngestor:HomeAssistant:Url is not")]
    [InlineData("", "", "/nonexistent/automations.yaml", "HaIngestor:HomeAssistant:AutomationsFile '/nonexistent/automations.yaml' does not exist")]
    public void Home_assistant_settings_that_cannot_work_are_one_clear_problem(string url, string token, string? file, string problem)
    {
        var options = Bind(("HaIngestor:HomeAssistant:Url", url), ("HaIngestor:HomeAssistant:Token", token), ("HaIngestor:HomeAssistant:AutomationsFile", file ?? ""));

        Assert.StartsWith(problem, Assert.Single(OptionsValidation.Problems(options)), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static HaIngestorOptions Bind(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .GetSection(HaIngestorOptions.SectionName)
            .Get<HaIngestorOptions>() ?? new HaIngestorOptions();
}
