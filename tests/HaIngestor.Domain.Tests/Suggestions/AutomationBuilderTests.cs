using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Domain.Tests.Suggestions;

public sealed class AutomationBuilderTests
{
    private static JsonObject Build(Pattern pattern) =>
        AutomationBuilder.Build(pattern, "ha_ingestor_abc", "Alias", "Why") ?? throw new InvalidOperationException("no automation");

    private static IEnumerable<string> AllKeys(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => AllKeys(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(AllKeys),
        _ => [],
    };

    [Fact]
    public void A_weekday_light_routine_becomes_a_modern_time_automation()
    {
        var automation = Build(Routines.At("light.kitchen", "on", 7, 0, DaySelection.Weekdays));

        Assert.Equal(["id", "alias", "description", "mode", "triggers", "conditions", "actions"], automation.Select(p => p.Key));
        Assert.Equal("ha_ingestor_abc", (string?)automation["id"]);
        Assert.Equal("single", (string?)automation["mode"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"trigger":"time","at":"07:00:00"}]"""), automation["triggers"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"condition":"time","weekday":["mon","tue","wed","thu","fri"]}]"""),
            automation["conditions"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"action":"light.turn_on","target":{"entity_id":"light.kitchen"}}]"""),
            automation["actions"]));
        Assert.DoesNotContain("platform", AllKeys(automation));
        Assert.DoesNotContain("service", AllKeys(automation));
        Assert.DoesNotContain("trigger", automation.Select(p => p.Key));
    }

    [Fact]
    public void An_every_day_routine_has_no_conditions()
    {
        var automation = Build(Routines.At("switch.fountain", "off", 23, 5));

        Assert.Empty(Assert.IsType<JsonArray>(automation["conditions"]));
        Assert.Equal("23:05:00", (string?)automation["triggers"]![0]!["at"]);
        Assert.Equal("switch.turn_off", (string?)automation["actions"]![0]!["action"]);
    }

    [Theory]
    [InlineData("light.a", "off", "light.turn_off")]
    [InlineData("fan.a", "on", "fan.turn_on")]
    [InlineData("input_boolean.guest_mode", "on", "input_boolean.turn_on")]
    [InlineData("media_player.radio", "off", "media_player.turn_off")]
    [InlineData("cover.blinds", "open", "cover.open_cover")]
    [InlineData("cover.blinds", "closed", "cover.close_cover")]
    [InlineData("lock.front", "locked", "lock.lock")]
    [InlineData("lock.front", "unlocked", "lock.unlock")]
    [InlineData("scene.movie", BehaviourState.Activated, "scene.turn_on")]
    public void States_map_to_the_action_that_causes_them(string entity, string state, string action)
    {
        var automation = Build(Routines.At(entity, state, 8, 30));

        Assert.Equal(action, (string?)automation["actions"]![0]!["action"]);
        Assert.Equal(entity, (string?)automation["actions"]![0]!["target"]!["entity_id"]);
    }

    [Fact]
    public void A_climate_mode_is_set_with_its_data()
    {
        var automation = Build(Routines.At("climate.living_room", "heat", 6, 30));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"action":"climate.set_hvac_mode","target":{"entity_id":"climate.living_room"},"data":{"hvac_mode":"heat"}}"""),
            automation["actions"]![0]));
    }

    [Theory]
    [InlineData("binary_sensor.bed_pressure", "on")]
    [InlineData("sensor.power", "high")]
    [InlineData("event.remote", BehaviourState.Activated)]
    [InlineData("light.kitchen", "brightness_high")]
    [InlineData("cover.blinds", "opening")]
    [InlineData("climate.living_room", "preheating")]
    public void Sensors_and_states_no_action_causes_give_no_automation(string entity, string state)
    {
        Assert.Null(AutomationBuilder.Build(Routines.At(entity, state, 7, 0), "id", "alias", "why"));
    }
}
