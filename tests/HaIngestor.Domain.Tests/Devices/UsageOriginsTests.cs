using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class UsageOriginsTests
{
    private static readonly DeviceFeature LightState = new("state", "state", "state", "binary", FeatureAccess.FromBits(7), Container: "light", ValueOn: "\"ON\"", ValueOff: "\"OFF\"");
    private static readonly DeviceFeature Illuminance = new("illuminance", "illuminance", "illuminance", "numeric", FeatureAccess.FromBits(1));
    private static readonly DeviceFeature Action = new("action", "action", "action", "enum", FeatureAccess.FromBits(1), Values: ["single"]);

    [Theory]
    [InlineData("u", "p", UsageOrigin.Automation)]
    [InlineData(null, "p", UsageOrigin.Automation)]
    [InlineData("u", null, UsageOrigin.Human)]
    [InlineData(null, null, UsageOrigin.Human)]
    [InlineData("", "", UsageOrigin.Human)]
    public void A_controllable_feature_takes_its_origin_from_the_context_and_is_a_person_without_one(string? user, string? parent, UsageOrigin expected) =>
        Assert.Equal(expected, UsageOrigins.FromContext(user, parent, LightState, "state"));

    [Fact]
    public void An_observable_feature_without_context_is_the_device_and_a_button_event_a_person()
    {
        Assert.Equal(UsageOrigin.Device, UsageOrigins.FromContext(null, null, Illuminance, "illuminance"));
        Assert.Equal(UsageOrigin.Automation, UsageOrigins.FromContext(null, "p", Illuminance, "illuminance"));
        Assert.Equal(UsageOrigin.Human, UsageOrigins.FromContext(null, null, Action, "action"));
    }

    [Fact]
    public void Over_mqtt_a_reading_is_the_device_and_a_controllable_change_unknown()
    {
        Assert.Equal(UsageOrigin.Device, UsageOrigins.FromMqtt(Illuminance, "illuminance"));
        Assert.Equal(UsageOrigin.Unknown, UsageOrigins.FromMqtt(LightState, "state"));
        Assert.Equal(UsageOrigin.Human, UsageOrigins.FromMqtt(Action, "action"));
        Assert.Equal(UsageOrigin.Unknown, UsageOrigins.FromMqtt(null, "whatever"));
    }

    [Fact]
    public void Names_round_trip_and_unknown_names_are_null()
    {
        foreach (var origin in UsageOrigins.All)
        {
            Assert.Equal(origin, UsageOrigins.FromName(UsageOrigins.Name(origin)));
        }

        Assert.Null(UsageOrigins.FromName("martian"));
    }

    [Theory]
    [InlineData("color.x", "color")]
    [InlineData("brightness_step", "brightness")]
    [InlineData("brightness_move_onoff", "brightness")]
    [InlineData("color_temp_step", "color_temp")]
    [InlineData("state_l1", "state_l1")]
    public void Commands_and_state_paths_name_the_property_they_are_about(string key, string property) =>
        Assert.Equal(property, RecentCommands.PropertyOf(key));

    [Fact]
    public void A_command_makes_changes_of_its_property_commanded_for_a_few_seconds_only()
    {
        var t0 = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var commands = RecentCommands.None.WithCommand(["state"], t0);

        Assert.Equal(UsageOrigin.Commanded, commands.OriginOf(LightState, "state", t0.AddSeconds(2)));
        Assert.Equal(UsageOrigin.Human, commands.OriginOf(LightState, "state", t0 + RecentCommands.Window + TimeSpan.FromSeconds(1)));
        Assert.Equal(UsageOrigin.Human, commands.OriginOf(LightState, "state", t0.AddSeconds(-1)));
        Assert.Equal(UsageOrigin.Device, commands.OriginOf(Illuminance, "illuminance", t0.AddSeconds(1)));
        Assert.Equal(UsageOrigin.Unknown, commands.WithGroupCommand(t0.AddMinutes(1)).OriginOf(LightState, "state", t0.AddMinutes(1).AddSeconds(1)));
    }
}
