using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class FeatureOpportunitiesTests
{
    [Fact]
    public void A_used_light_never_changed_in_colour_temperature_or_brightness_gets_both_opportunities()
    {
        var found = FeatureOpportunities.Find([UsageHome.CtLightSwitched(5)]);

        Assert.Equal([FeatureOpportunityKind.AdaptiveColourTemperature, FeatureOpportunityKind.NightDimming], found.Select(o => o.Kind));
        var adaptive = found[0];
        Assert.Equal("light.living_ceiling", adaptive.Entities[FeatureOpportunity.LightRole]);
        Assert.Equal("color_temp", adaptive.Feature);
        Assert.Equal(10, adaptive.Uses);
        // 454 mired is 2203 K, warmer than suggested; 250 mired is exactly 4000 K.
        Assert.Equal(2700, adaptive.Numbers[FeatureOpportunity.WarmKelvin]);
        Assert.Equal(4000, adaptive.Numbers[FeatureOpportunity.CoolKelvin]);
        Assert.Contains("never changed from 370", adaptive.Observed);
    }

    [Fact]
    public void A_feature_that_was_used_or_a_light_never_switched_gives_no_opportunity()
    {
        var varied = UsageHome.Replay(
            UsageHome.CtLight,
            """{"state":"OFF","brightness":200,"color_temp":370}""",
            """{"state":"ON","brightness":120,"color_temp":250}""");

        Assert.Empty(FeatureOpportunities.Find([varied]));
        Assert.Empty(FeatureOpportunities.Find([UsageHome.CtLightSwitched(0)]));
    }

    [Fact]
    public void A_motion_sensor_that_measures_light_is_paired_with_the_lights_of_its_area()
    {
        var found = FeatureOpportunities.Find([UsageHome.MotionSeen(4), UsageHome.CtLightSwitched(0)]);

        var motion = Assert.Single(found);
        Assert.Equal(FeatureOpportunityKind.DarkOnlyMotionLighting, motion.Kind);
        Assert.Equal("binary_sensor.living_motion_occupancy", motion.Entities[FeatureOpportunity.OccupancyRole]);
        Assert.Equal("sensor.living_motion_illuminance", motion.Entities[FeatureOpportunity.IlluminanceRole]);
        Assert.Equal(["light.living_ceiling"], motion.EntityList(FeatureOpportunity.LightsRole));
        Assert.Equal(8, motion.Uses);
    }

    [Fact]
    public void A_motion_sensor_without_a_light_in_its_area_gives_nothing()
    {
        Assert.Empty(FeatureOpportunities.Find([UsageHome.MotionSeen(4)]));
    }

    [Fact]
    public void A_plug_that_ran_an_appliance_gets_the_finished_notification_and_an_idle_one_does_not()
    {
        var ran = Assert.Single(FeatureOpportunities.Find([UsageHome.PlugRan(0, 1800, 2100, 3, 0)]));
        Assert.Equal(FeatureOpportunityKind.ApplianceFinished, ran.Kind);
        Assert.Equal("sensor.kitchen_washer_plug_power", ran.Entities[FeatureOpportunity.PowerRole]);
        Assert.Equal("switch.kitchen_washer_plug", ran.Entities[FeatureOpportunity.SwitchRole]);
        Assert.Contains("up to 2100 W", ran.Observed);

        Assert.Empty(FeatureOpportunities.Find([UsageHome.PlugRan(0, 3, 4, 2)]));
    }

    [Fact]
    public void Home_utilisation_sums_the_controllable_features_of_every_device()
    {
        // The light has state, brightness and colour temperature to control and only its state was used;
        // the plug has its state, never changed; the motion sensor has nothing to control.
        var home = HomeUtilisation.Of([UsageHome.CtLightSwitched(3), UsageHome.PlugRan(0, 1800), UsageHome.MotionSeen(2)]);

        Assert.Equal(new HomeUtilisation(4, 1), home);
        Assert.Equal(0.25, home.Ratio);
        Assert.Null(HomeUtilisation.Of([UsageHome.MotionSeen(2)]).Ratio);
    }
}
