using System.Text.Json.Nodes;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Tests.Devices;
using HaIngestor.Domain.Tests.HomeAssistant;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Suggestions;

public sealed class AlreadyAutomatedTests
{
    private static readonly HomeProfile Home = HomeProfile.ForTimeZone("UTC");

    private static readonly IReadOnlyList<FeatureOpportunity> MotionAndPlug =
        FeatureOpportunities.Find([UsageHome.MotionSeen(4), UsageHome.CtLightSwitched(1), UsageHome.PlugRan(0, 1800, 2100, 3, 0)]);

    private static HaAutomationCatalog Catalog(params (string Json, bool Enabled)[] automations) =>
        HaAutomationCatalog.Build(automations.Select(a => new HaAutomationEntry(null, a.Enabled, JsonNode.Parse(a.Json))));

    private static string Uses(string role, string entity) => role switch
    {
        "condition" => $$"""{ "alias": "Uses it", "triggers": [ { "trigger": "state", "entity_id": "binary_sensor.other" } ], "conditions": [ { "condition": "numeric_state", "entity_id": "{{entity}}", "below": 10 } ], "actions": [ { "action": "light.turn_on", "target": { "entity_id": "light.other" } } ] }""",
        _ => $$"""{ "alias": "Uses it", "triggers": [ { "trigger": "numeric_state", "entity_id": "{{entity}}", "below": 3 } ], "actions": [ { "action": "notify.notify", "data": { "message": "done" } } ] }""",
    };

    [Fact]
    public void Motion_lighting_is_not_suggested_when_an_automation_already_uses_the_illuminance_as_a_condition()
    {
        var result = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, Catalog((Uses("condition", "sensor.living_motion_illuminance"), true)));

        Assert.DoesNotContain(result.Suggestions, s => s.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
        var dropped = Assert.Single(result.AlreadyAutomated);
        Assert.Equal("Turn on the lights at motion near living/motion only when it is dark", dropped.Title);
        Assert.Equal("'Uses it' already uses sensor.living_motion_illuminance as a condition", dropped.Why);
    }

    [Fact]
    public void Motion_lighting_is_suggested_and_says_no_automation_uses_the_illuminance_when_none_does()
    {
        var disabled = Catalog((Uses("condition", "sensor.living_motion_illuminance"), false), (Uses("condition", "sensor.hall_illuminance"), true));

        var result = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, disabled);

        var motion = Assert.Single(result.Suggestions, s => s.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
        Assert.Contains("no enabled Home Assistant automation uses sensor.living_motion_illuminance as a condition", motion.Description);
        Assert.Empty(result.AlreadyAutomated);
    }

    [Fact]
    public void Appliance_finished_is_not_suggested_when_an_automation_is_triggered_by_the_power()
    {
        var result = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, Catalog((Uses("trigger", "sensor.kitchen_washer_plug_power"), true)));

        Assert.DoesNotContain(result.Suggestions, s => s.Title.StartsWith("Tell when the appliance", StringComparison.Ordinal));
        Assert.Equal("'Uses it' is already triggered by sensor.kitchen_washer_plug_power", Assert.Single(result.AlreadyAutomated).Why);
    }

    [Fact]
    public void A_motion_automation_that_already_turns_the_same_light_on_covers_the_suggestion()
    {
        var existing = Catalog((HaAutomationConfigs.MotionLightWhenDark
            .Replace("binary_sensor.hallway_motion_occupancy", "binary_sensor.living_motion_occupancy", StringComparison.Ordinal)
            .Replace("sensor.hallway_motion_illuminance", "sensor.hallway_lux", StringComparison.Ordinal)
            .Replace("light.hallway_ceiling", "light.living_ceiling", StringComparison.Ordinal), true));

        var result = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, existing);

        var dropped = Assert.Single(result.AlreadyAutomated, d => d.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
        Assert.Equal("Hallway motion light", dropped.Automation);
        Assert.Equal("'Hallway motion light' already acts on light.living_ceiling when binary_sensor.living_motion_occupancy changes", dropped.Why);
    }

    [Fact]
    public void A_routine_an_automation_already_runs_at_that_time_is_not_suggested_and_freed_places_are_refilled()
    {
        var routines = new[] { Routines.At("light.kitchen_ceiling", "on", 6, 50, confidence: 0.95), Routines.At("light.hall", "on", 7, 30), Routines.At("switch.coffee", "on", 6, 40) };
        var without = AlreadyAutomated.Build(routines, [], Home, 2, Catalog());
        var with = AlreadyAutomated.Build(routines, [], Home, 2, Catalog((HaAutomationConfigs.KitchenMorning, true)));

        Assert.Equal(2, without.Suggestions.Count);
        Assert.Contains(without.Suggestions, s => s.Automation["actions"]![0]!["target"]!["entity_id"]!.GetValue<string>() == "light.kitchen_ceiling");
        Assert.Equal(2, with.Suggestions.Count);
        Assert.DoesNotContain(with.Suggestions, s => s.Automation["actions"]![0]!["target"]!["entity_id"]!.GetValue<string>() == "light.kitchen_ceiling");
        Assert.Equal("'Kitchen light in the morning' already acts on light.kitchen_ceiling when it is 06:50", Assert.Single(with.AlreadyAutomated).Why);
    }

    [Fact]
    public void With_no_automations_the_result_is_what_the_engine_ranks_plus_the_checked_clause()
    {
        var engine = SuggestionEngine.Build([], MotionAndPlug, Home);
        var result = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, Catalog());

        Assert.Equal(engine.Select(s => s.Id), result.Suggestions.Select(s => s.Id));
        Assert.All(result.Suggestions, s => Assert.Contains("no enabled Home Assistant automation", s.Description));
        Assert.All(engine, s => Assert.DoesNotContain("Home Assistant automation", s.Description));
    }

    [Fact]
    public void HAs_motion_light_blueprint_on_the_same_sensor_and_light_covers_the_suggestion_and_other_blueprints_are_not_checked()
    {
        const string motionLight = """
            {"id":"1718030177777","alias":"Motion-activated Light","description":"",
             "use_blueprint":{"path":"homeassistant/motion_light.yaml","input":{"motion_entity":"binary_sensor.living_motion_occupancy","light_target":{"entity_id":"light.living_ceiling"},"no_motion_wait":120}}}
            """;
        const string other = """
            {"id":"1718030188888","alias":"Low battery","use_blueprint":{"path":"sbyx/low-battery-level-detection.yaml","input":{"threshold":20,"actions":[]}}}
            """;

        var covered = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, Catalog((motionLight, true)));
        var unknown = AlreadyAutomated.Build([], MotionAndPlug, Home, 10, Catalog((other, true)));

        Assert.Equal("Motion-activated Light", Assert.Single(covered.AlreadyAutomated).Automation);
        Assert.DoesNotContain(covered.Suggestions, s => s.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
        var motion = Assert.Single(unknown.Suggestions, s => s.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
        Assert.Contains("(not checked: 1 enabled automation that names devices, areas or a blueprint not resolved to entities)", motion.Description);
    }
}
