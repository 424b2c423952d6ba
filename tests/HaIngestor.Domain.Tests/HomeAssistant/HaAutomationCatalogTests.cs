using System.Text.Json.Nodes;
using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Domain.Tests.HomeAssistant;

public sealed class HaAutomationCatalogTests
{
    private static HaAutomationEntry Entry(string json, bool enabled = true, string? entityId = null) =>
        new(entityId, enabled, JsonNode.Parse(json));

    private static HaAutomation Single(string json)
    {
        var catalog = HaAutomationCatalog.Build([Entry(json)]);
        return Assert.Single(catalog.Automations);
    }

    [Fact]
    public void A_motion_light_uses_the_illuminance_as_a_condition_and_the_motion_as_trigger()
    {
        var catalog = HaAutomationCatalog.Build([Entry(HaAutomationConfigs.MotionLightWhenDark, entityId: "automation.hallway_motion_light")]);

        var automation = Assert.Single(catalog.Automations);
        Assert.Equal("Hallway motion light", automation.Alias);
        Assert.Equal("1718030112345", automation.Id);
        Assert.Equal([new EntityReference("binary_sensor.hallway_motion_occupancy")], automation.Triggers);
        Assert.Equal(
            [new EntityReference("sensor.hallway_motion_illuminance"), new EntityReference("light.hallway_ceiling")],
            automation.Conditions);
        Assert.Equal(["light.turn_on", "light.turn_off"], automation.Actions.Select(a => a.Action));
        Assert.All(automation.Actions, a => Assert.Equal(["light.hallway_ceiling"], a.Entities));
        Assert.Same(automation, catalog.UsingAsCondition("sensor.hallway_motion_illuminance"));
        Assert.Null(catalog.UsingAsCondition("sensor.kitchen_motion_illuminance"));
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void An_appliance_finished_automation_is_triggered_by_the_power_and_its_template_reads_an_attribute()
    {
        var automation = Single(HaAutomationConfigs.WashingMachineFinished);

        Assert.Equal([new EntityReference("sensor.laundry_washer_plug_power")], automation.Triggers);
        Assert.Contains(new EntityReference("input_boolean.washer_running"), automation.Conditions);
        Assert.Contains(new EntityReference("sensor.laundry_washer_plug_power", "unit_of_measurement"), automation.Conditions);
        var notify = automation.Actions[0];
        Assert.Equal("notify.mobile_app_pixel", notify.Action);
        Assert.Empty(notify.Entities);
        Assert.Equal(["input_boolean.washer_running"], automation.Actions[1].Entities);
    }

    [Fact]
    public void Legacy_syntax_gives_the_same_roles_platform_service_entity_lists_and_scenes()
    {
        var automation = Single(HaAutomationConfigs.LegacyEveningLights);

        Assert.Equal([new TimeOnly(19, 30)], automation.TriggerTimes);
        Assert.Empty(automation.Triggers);
        Assert.Equal([new EntityReference("person.anna"), new EntityReference("group.family")], automation.Conditions);
        Assert.Equal(
            [("light.turn_on", "light.living_room_lamp,light.living_room_ceiling"), ("switch.turn_on", "switch.garden_lights"), ("scene.turn_on", "scene.evening")],
            automation.Actions.Select(a => (a.Action, string.Join(',', a.Entities))));
    }

    [Fact]
    public void Nested_choose_if_parallel_repeat_and_waits_are_followed_and_disabled_parts_ignored()
    {
        var automation = Single(HaAutomationConfigs.ClimateAndBlinds);

        Assert.Equal(
            [new EntityReference("climate.living_room", "current_temperature"), new EntityReference("sensor.outdoor_temperature")],
            automation.Triggers);
        Assert.Equal(
            [
                new EntityReference("input_boolean.summer_mode"),
                new EntityReference("sun.sun", "elevation"),
                new EntityReference("binary_sensor.balcony_door_contact"),
                new EntityReference("weather.home", "temperature"),
                new EntityReference("cover.living_room_blinds"),
                new EntityReference("input_boolean.blinds_enabled"),
            ],
            automation.Conditions);
        Assert.DoesNotContain(automation.Triggers, t => t.EntityId == "binary_sensor.old_window");
        Assert.DoesNotContain(automation.Conditions, c => c.EntityId == "sensor.disabled_check");
        Assert.DoesNotContain("light.disabled_step", automation.TargetEntities);

        var close = Assert.Single(automation.Actions, a => a.Action == "cover.close_cover");
        Assert.Equal(["cover.living_room_blinds"], close.Entities);
        Assert.Equal(["living_room"], close.Areas);
        Assert.Equal(["4f8b2c1e9a7d6b5c3e2f1a0b9c8d7e6f"], Assert.Single(automation.Actions, a => a.Action == "fan.turn_on").Devices);
        Assert.Equal(["climate.living_room"], Assert.Single(automation.Actions, a => a.Action == "climate.set_temperature").Entities);
    }

    [Fact]
    public void Templates_give_every_entity_they_name_however_they_name_it()
    {
        var found = TemplateEntities.Of(
            "{{ states('sensor.a_b') | float > 3 and is_state(\"light.c\", 'on') and state_attr('climate.d', 'hvac_action') == 'heating' " +
            "and states.binary_sensor.e.state == 'on' and states.sensor.f.attributes.battery > 5 and has_value('sensor.g') " +
            "and is_state_attr('media_player.h', 'source', 'TV') and states.sensor | count > 0 }}");

        Assert.Equal(
            [
                new EntityReference("climate.d", "hvac_action"),
                new EntityReference("media_player.h", "source"),
                new EntityReference("sensor.a_b"),
                new EntityReference("light.c"),
                new EntityReference("sensor.g"),
                new EntityReference("binary_sensor.e"),
                new EntityReference("sensor.f", "battery"),
            ],
            found);
    }

    [Fact]
    public void Garbage_never_throws_is_counted_and_described_and_the_readable_rest_still_counts()
    {
        var catalog = HaAutomationCatalog.Build(
        [
            Entry(HaAutomationConfigs.Garbage),
            new HaAutomationEntry("automation.null_config", true, null),
            new HaAutomationEntry("automation.list_config", true, JsonNode.Parse("[1, 2]")),
            new HaAutomationEntry("automation.string_config", true, JsonValue.Create("alias: yaml?")),
            Entry("""{ "alias": "empty" }"""),
            Entry("""{ "triggers": { "trigger": "state", "entity_id": "binary_sensor.single_object" }, "actions": { "action": "light.toggle", "target": { "entity_id": "light.single" } } }"""),
        ]);

        Assert.Equal(3, catalog.Skipped);
        Assert.Equal(3, catalog.Automations.Count);
        var broken = catalog.Automations[0];
        Assert.Equal([new EntityReference("binary_sensor.porch_motion")], broken.Triggers);
        Assert.Empty(broken.TriggerTimes);
        Assert.Equal(["light.porch"], broken.TargetEntities);
        Assert.Contains(catalog.Problems, p => p.StartsWith("Half broken: triggers[0] is not a mapping", StringComparison.Ordinal));
        Assert.Contains(catalog.Problems, p => p.Contains("'25:99' is neither a time nor an entity", StringComparison.Ordinal));
        Assert.Contains(catalog.Problems, p => p.StartsWith("Half broken: conditions[0] has no 'condition:'", StringComparison.Ordinal));
        Assert.Contains(catalog.Problems, p => p.StartsWith("Half broken: actions[0] is not a mapping", StringComparison.Ordinal));
        Assert.Contains(catalog.Problems, p => p.Contains("'Not An Entity' is not an entity id", StringComparison.Ordinal));
        Assert.Contains(catalog.Problems, p => p.StartsWith("automation.null_config: config is not a mapping", StringComparison.Ordinal));
        Assert.Equal(["light.single"], catalog.Automations[2].TargetEntities);
        Assert.Equal("binary_sensor.single_object", Assert.Single(catalog.Automations[2].Triggers).EntityId);
    }

    [Fact]
    public void A_disabled_automation_is_read_but_does_nothing()
    {
        var catalog = HaAutomationCatalog.Build([Entry(HaAutomationConfigs.MotionLightWhenDark, enabled: false)]);

        Assert.Single(catalog.Automations);
        Assert.Equal(0, catalog.EnabledCount);
        Assert.Null(catalog.UsingAsCondition("sensor.hallway_motion_illuminance"));
        Assert.Null(catalog.UsingAsTrigger("binary_sensor.hallway_motion_occupancy"));
    }

    [Theory]
    [InlineData("06:45:00", "light.turn_on", "light.kitchen_ceiling", true)]
    [InlineData("07:10:00", "light.turn_on", "light.kitchen_ceiling", true)]
    [InlineData("07:20:00", "light.turn_on", "light.kitchen_ceiling", false)]
    [InlineData("06:45:00", "light.turn_off", "light.kitchen_ceiling", false)]
    [InlineData("06:45:00", "light.toggle", "light.kitchen_ceiling", true)]
    [InlineData("06:45:00", "light.turn_on", "light.hallway_ceiling", false)]
    public void A_proposal_is_covered_by_the_same_trigger_time_and_the_same_kind_of_action_on_the_same_target(string at, string action, string target, bool covered)
    {
        var catalog = HaAutomationCatalog.Build([Entry(HaAutomationConfigs.KitchenMorning)]);
        var proposal = Single($$"""{ "triggers": [ { "trigger": "time", "at": "{{at}}" } ], "actions": [ { "action": "{{action}}", "target": { "entity_id": "{{target}}" } } ] }""");

        Assert.Equal(covered, catalog.Covering(proposal) is not null);
    }

    [Fact]
    public void Time_triggers_are_the_same_across_midnight()
    {
        var catalog = HaAutomationCatalog.Build([Entry("""{ "alias": "late", "trigger": { "platform": "time", "at": "23:50" }, "action": { "service": "light.turn_off", "entity_id": "light.hall" } }""")]);
        var proposal = Single("""{ "triggers": [ { "trigger": "time", "at": "00:10:00" } ], "actions": [ { "action": "light.turn_off", "target": { "entity_id": "light.hall" } } ] }""");

        Assert.Equal("late", catalog.Covering(proposal)?.Alias);
    }

    [Fact]
    public void A_time_a_YAML_1_1_loader_read_as_seconds_is_still_a_time()
    {
        var automation = Single("""{ "trigger": { "platform": "time", "at": 27000 }, "action": { "service": "light.turn_on", "entity_id": "light.hall" } }""");

        Assert.Equal([new TimeOnly(7, 30)], automation.TriggerTimes);
    }
}
