using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Domain.Tests.Suggestions;

public sealed class SafetyValidatorTests
{
    private static SafetyAssessment Assess(string entity, string state, int hour = 8, double confidence = 0.9) =>
        SafetyValidator.Assess(
            AutomationBuilder.Build(Routines.At(entity, state, hour, 0), "x", "a", "d") ?? throw new InvalidOperationException(),
            confidence);

    private static JsonObject Automation(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("light.kitchen", "on")]
    [InlineData("switch.fountain", "off")]
    [InlineData("media_player.radio", "on")]
    [InlineData("scene.breakfast", BehaviourState.Activated)]
    public void Lights_and_switches_by_day_on_a_solid_routine_are_safe(string entity, string state)
    {
        var verdict = Assess(entity, state);

        Assert.Equal(SafetyLevel.Safe, verdict.Level);
        Assert.Empty(verdict.Issues);
    }

    [Theory]
    [InlineData("lock.front_door", "unlocked")]
    [InlineData("cover.garage_door", "open")]
    [InlineData("cover.garage", "open")]
    [InlineData("cover.driveway_gate", "open")]
    public void Opening_the_home_automatically_is_blocked(string entity, string state)
    {
        var verdict = Assess(entity, state);

        Assert.Equal(SafetyLevel.Blocked, verdict.Level);
        Assert.NotEmpty(verdict.Issues);
    }

    [Fact]
    public void Disarming_an_alarm_is_blocked()
    {
        var verdict = SafetyValidator.Assess(
            Automation("""
                {"triggers":[{"trigger":"time","at":"08:00:00"}],"conditions":[],
                 "actions":[{"action":"alarm_control_panel.alarm_disarm","target":{"entity_id":"alarm_control_panel.home"}}]}
                """),
            0.95);

        Assert.Equal(SafetyLevel.Blocked, verdict.Level);
        Assert.Contains(verdict.Issues, i => i.Contains("disarm"));
    }

    [Theory]
    [InlineData("lock.front_door", "locked")]
    [InlineData("climate.living_room", "heat")]
    [InlineData("cover.living_room_blinds", "open")]
    [InlineData("cover.garage_door", "closed")]
    [InlineData("switch.space_heater", "on")]
    public void Locks_climate_covers_and_heat_sources_need_review(string entity, string state)
    {
        Assert.Equal(SafetyLevel.Review, Assess(entity, state).Level);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    public void Actions_at_night_need_review(int hour)
    {
        var verdict = Assess("light.hall", "off", hour);

        Assert.Equal(SafetyLevel.Review, verdict.Level);
        Assert.Contains(verdict.Issues, i => i.Contains("night"));
    }

    [Fact]
    public void Five_in_the_morning_is_no_longer_night()
    {
        Assert.Equal(SafetyLevel.Safe, Assess("light.hall", "on", 5).Level);
    }

    [Fact]
    public void A_weak_routine_needs_review()
    {
        var verdict = Assess("light.hall", "on", confidence: 0.45);

        Assert.Equal(SafetyLevel.Review, verdict.Level);
        Assert.Contains(verdict.Issues, i => i.Contains("0.45"));
    }

    [Theory]
    [InlineData("""{"triggers":[],"actions":[{"action":"light.turn_on","target":{"entity_id":"light.a"}}]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"07:00:00"}],"actions":[]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"07:00:00"}]}""")]
    [InlineData("""{"triggers":[{"platform":"time","at":"07:00:00"}],"actions":[{"action":"light.turn_on","target":{"entity_id":"light.a"}}]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"07:00:00"}],"actions":[{"service":"light.turn_on","target":{"entity_id":"light.a"}}]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"07:00:00"}],"actions":[{"action":"light.turn_on"}]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"07:00:00"}],"actions":[{"action":"light.turn_on","target":{"entity_id":"kitchen"}}]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"7 o'clock"}],"actions":[{"action":"light.turn_on","target":{"entity_id":"light.a"}}]}""")]
    [InlineData("""{"trigger":[{"trigger":"time","at":"07:00:00"}],"triggers":[{"trigger":"time","at":"07:00:00"}],"actions":[{"action":"light.turn_on","target":{"entity_id":"light.a"}}]}""")]
    [InlineData("""{"triggers":[{"trigger":"time","at":"07:00:00"}],"conditions":{"condition":"time"},"actions":[{"action":"light.turn_on","target":{"entity_id":"light.a"}}]}""")]
    public void A_malformed_automation_is_blocked(string json)
    {
        var verdict = SafetyValidator.Assess(Automation(json), 0.95);

        Assert.Equal(SafetyLevel.Blocked, verdict.Level);
        Assert.NotEmpty(verdict.Issues);
    }

    [Fact]
    public void A_well_formed_automation_with_a_list_of_targets_is_accepted()
    {
        var verdict = SafetyValidator.Assess(
            Automation("""
                {"triggers":[{"trigger":"time","at":"07:00:00"}],"conditions":[{"condition":"time","weekday":["mon"]}],
                 "actions":[{"action":"light.turn_on","target":{"entity_id":["light.a","light.b"]}}]}
                """),
            0.95);

        Assert.Equal(SafetyLevel.Safe, verdict.Level);
    }

    [Fact]
    public void A_notification_needs_no_target_and_is_safe_but_other_actions_still_need_one()
    {
        var notify = SafetyValidator.Assess(Automation("""
            {"triggers":[{"trigger":"numeric_state","entity_id":"sensor.washer_power","below":5,"for":{"minutes":2}}],
             "conditions":[],"actions":[{"action":"notify.notify","data":{"message":"done"}}]}
            """), 1.0);
        var untargetedLight = SafetyValidator.Assess(Automation("""
            {"triggers":[{"trigger":"state","entity_id":"binary_sensor.hall_occupancy","to":"on"}],
             "conditions":[],"actions":[{"action":"light.turn_on"}]}
            """), 1.0);

        Assert.Equal(SafetyLevel.Safe, notify.Level);
        Assert.Empty(notify.Issues);
        Assert.Equal(SafetyLevel.Blocked, untargetedLight.Level);
        Assert.Contains(untargetedLight.Issues, i => i.Contains("without a target entity"));
    }
}
