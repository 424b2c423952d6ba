using System.Text.Json.Nodes;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Tests.Devices;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Suggestions;

public sealed class OpportunitySuggestionBuilderTests
{
    private static Suggestion Only(FeatureOpportunityKind kind, params DeviceSnapshot[] devices) =>
        OpportunitySuggestionBuilder.Build(FeatureOpportunities.Find(devices).Single(o => o.Kind == kind))!;

    [Fact]
    public void The_finished_appliance_notification_is_a_safe_numeric_state_automation()
    {
        var suggestion = Only(FeatureOpportunityKind.ApplianceFinished, UsageHome.PlugRan(0, 1800, 2100, 3, 0));

        var automation = suggestion.Automation;
        var trigger = automation["triggers"]![0]!.AsObject();
        Assert.Equal("numeric_state", (string?)trigger["trigger"]);
        Assert.Equal("sensor.kitchen_washer_plug_power", (string?)trigger["entity_id"]);
        Assert.Equal(5, (double)trigger["below"]!);
        Assert.Equal(2, (double)trigger["for"]!["minutes"]!);
        Assert.Empty(automation["conditions"]!.AsArray());
        var action = automation["actions"]![0]!.AsObject();
        Assert.Equal("notify.notify", (string?)action["action"]);
        Assert.Contains("kitchen/washer plug", (string?)action["data"]!["message"]);
        Assert.Equal(SafetyLevel.Safe, suggestion.Safety.Level);
        Assert.StartsWith(SuggestionEngine.IdPrefix, suggestion.Id);
        Assert.Equal(suggestion.Id, (string?)automation["id"]);
        Assert.Contains("trigger: numeric_state", suggestion.Yaml);
    }

    [Fact]
    public void Dark_only_motion_lighting_conditions_on_illuminance()
    {
        var suggestion = Only(FeatureOpportunityKind.DarkOnlyMotionLighting, UsageHome.MotionSeen(4), UsageHome.CtLightSwitched(1));

        var automation = suggestion.Automation;
        Assert.Equal("binary_sensor.living_motion_occupancy", (string?)automation["triggers"]![0]!["entity_id"]);
        var condition = automation["conditions"]![0]!.AsObject();
        Assert.Equal("numeric_state", (string?)condition["condition"]);
        Assert.Equal("sensor.living_motion_illuminance", (string?)condition["entity_id"]);
        Assert.Equal(30, (double)condition["below"]!);
        Assert.Equal("light.living_ceiling", (string?)automation["actions"]![0]!["target"]!["entity_id"]);
        Assert.Equal(SafetyLevel.Safe, suggestion.Safety.Level);
    }

    [Fact]
    public void Adaptive_colour_temperature_sets_kelvin_by_the_hour_when_the_light_goes_on()
    {
        var suggestion = Only(FeatureOpportunityKind.AdaptiveColourTemperature, UsageHome.CtLightSwitched(5));

        var automation = suggestion.Automation;
        Assert.Equal("state", (string?)automation["triggers"]![0]!["trigger"]);
        Assert.Equal("on", (string?)automation["triggers"]![0]!["to"]);
        var action = automation["actions"]![0]!.AsObject();
        Assert.Equal("light.turn_on", (string?)action["action"]);
        Assert.Equal("{{ 2700 if now().hour >= 19 or now().hour < 7 else 4000 }}", (string?)action["data"]!["color_temp_kelvin"]);
        Assert.Equal(SafetyLevel.Safe, suggestion.Safety.Level);
    }

    [Fact]
    public void Ids_are_stable_and_more_use_scores_higher()
    {
        var rarely = Only(FeatureOpportunityKind.NightDimming, UsageHome.CtLightSwitched(2));
        var often = Only(FeatureOpportunityKind.NightDimming, UsageHome.CtLightSwitched(30));

        Assert.Equal(rarely.Id, often.Id);
        Assert.True(often.Score > rarely.Score);
        Assert.Equal(0.6, often.Score);
    }

    [Fact]
    public void Opportunities_are_ranked_with_pattern_suggestions_and_cut_to_the_top()
    {
        var opportunities = FeatureOpportunities.Find([UsageHome.CtLightSwitched(30), UsageHome.PlugRan(0, 1800, 2100, 3, 0), UsageHome.MotionSeen(2)]);

        var all = SuggestionEngine.Build([], opportunities, HomeProfile.ForTimeZone("UTC"));
        var top2 = SuggestionEngine.Build([], opportunities, HomeProfile.ForTimeZone("UTC"), top: 2);

        Assert.Equal(4, all.Count);
        Assert.Equal(all.Select(s => s.Score).OrderDescending(), all.Select(s => s.Score));
        Assert.Equal(all.Take(2).Select(s => s.Id), top2.Select(s => s.Id));
        Assert.All(all, s => Assert.Empty(s.PatternIds));
    }
}
