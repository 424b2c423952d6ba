using System.Text.Json.Nodes;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Tests.Devices;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.HomeAssistant;

/// <summary>Automations made in HA's UI with device triggers, device conditions and device or area targets.</summary>
public sealed class HaRegistryTests
{
    private const string MotionDevice = "a3f5c9e1b2d4467f8e9a0b1c2d3e4f50";
    private const string LightDevice = "b7e2d1c0a9f8475e6d5c4b3a29180706";

    /// <summary>The entity registry as <c>config/entity_registry/list</c> returns it (fields trimmed to the real ones that matter).</summary>
    public const string Entities = """
        [
          {"area_id":null,"device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"binary_sensor.living_motion_occupancy","id":"0c1d2e3f40516273849506a7b8c9d0e1","platform":"mqtt","unique_id":"0x0000000000000002_occupancy_zigbee2mqtt"},
          {"area_id":null,"device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"sensor.living_motion_illuminance","id":"1f2e3d4c5b6a79880716253443526170","platform":"mqtt","unique_id":"0x0000000000000002_illuminance_zigbee2mqtt"},
          {"area_id":null,"device_id":"b7e2d1c0a9f8475e6d5c4b3a29180706","entity_id":"light.living_ceiling","id":"2a3b4c5d6e7f80910a1b2c3d4e5f6071","platform":"mqtt","unique_id":"0x0000000000000001_light_zigbee2mqtt"},
          {"area_id":"hallway","device_id":null,"entity_id":"light.hall_template","id":"3b4c5d6e7f8091a20b1c2d3e4f506172","platform":"template"},
          {"entity_id":"sensor.broken"},
          7
        ]
        """;

    public const string Devices = """
        [
          {"area_id":"living_room","id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","manufacturer":"Aqara","model":"RTCGQ11LM","name":"living/motion","name_by_user":null},
          {"area_id":"living_room","id":"b7e2d1c0a9f8475e6d5c4b3a29180706","manufacturer":"IKEA","model":"LED1545G12","name":"living/ceiling","name_by_user":null}
        ]
        """;

    /// <summary>What HA's UI writes when the user picks devices rather than entities.</summary>
    private const string DeviceAutomation = """
        {"id":"1718030155555","alias":"Living room motion (device)","mode":"single",
         "triggers":[{"type":"occupied","device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"0c1d2e3f40516273849506a7b8c9d0e1","domain":"binary_sensor","trigger":"device"}],
         "conditions":[{"condition":"device","type":"is_illuminance","device_id":"a3f5c9e1b2d4467f8e9a0b1c2d3e4f50","entity_id":"1f2e3d4c5b6a79880716253443526170","domain":"sensor","below":30}],
         "actions":[
           {"type":"turn_on","device_id":"b7e2d1c0a9f8475e6d5c4b3a29180706","entity_id":"2a3b4c5d6e7f80910a1b2c3d4e5f6071","domain":"light","brightness_pct":60},
           {"action":"light.turn_on","target":{"area_id":"hallway"}}
         ]}
        """;

    private static HaRegistry Registry() => HaRegistry.From(JsonNode.Parse(Entities), JsonNode.Parse(Devices));

    [Fact]
    public void Device_triggers_conditions_and_targets_resolve_to_entities_through_the_registries()
    {
        var registry = Registry();
        var catalog = HaAutomationCatalog.Build([new HaAutomationEntry("automation.device", true, JsonNode.Parse(DeviceAutomation))], registry);

        var automation = Assert.Single(catalog.Automations);
        Assert.Equal(2, registry.Skipped);
        Assert.Equal([new EntityReference("binary_sensor.living_motion_occupancy")], automation.Triggers);
        Assert.Equal([new EntityReference("sensor.living_motion_illuminance")], automation.Conditions);
        Assert.Equal(["light.living_ceiling", "light.hall_template"], automation.TargetEntities);
        Assert.Empty(automation.Unresolved);
        Assert.Equal(0, catalog.EnabledWithUnresolved);
        Assert.Same(automation, catalog.UsingAsCondition("sensor.living_motion_illuminance"));
    }

    [Fact]
    public void Without_the_registries_device_references_stay_unresolved_and_suggestions_say_what_was_not_checked()
    {
        var catalog = HaAutomationCatalog.Build([new HaAutomationEntry("automation.device", true, JsonNode.Parse(DeviceAutomation))]);
        var opportunities = FeatureOpportunities.Find([UsageHome.MotionSeen(4), UsageHome.CtLightSwitched(1)]);

        var automation = Assert.Single(catalog.Automations);
        Assert.Empty(automation.Triggers);
        Assert.Empty(automation.Conditions);
        Assert.Equal(
            ["0c1d2e3f40516273849506a7b8c9d0e1", "1f2e3d4c5b6a79880716253443526170", "2a3b4c5d6e7f80910a1b2c3d4e5f6071", "hallway"],
            automation.Unresolved);
        Assert.Equal(1, catalog.EnabledWithUnresolved);

        var withoutRegistry = AlreadyAutomated.Build([], opportunities, HomeProfile.ForTimeZone("UTC"), 10, catalog);
        var motion = Assert.Single(withoutRegistry.Suggestions, s => s.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
        Assert.Contains("no enabled Home Assistant automation uses sensor.living_motion_illuminance as a condition (not checked: 1 enabled automation that names devices, areas or a blueprint not resolved to entities)", motion.Description);

        var resolved = AlreadyAutomated.Build([], opportunities, HomeProfile.ForTimeZone("UTC"), 10, HaAutomationCatalog.Build([new HaAutomationEntry("automation.device", true, JsonNode.Parse(DeviceAutomation))], Registry()));
        Assert.DoesNotContain(resolved.Suggestions, s => s.Title.StartsWith("Turn on the lights at motion", StringComparison.Ordinal));
    }
}
