using HaIngestor.Actors.Bridge;

namespace HaIngestor.Actors.Tests;

public class TopicRouterTests
{
    private readonly TopicRouter router = new("zigbee2mqtt", "ha-ai", "homeassistant");

    [Theory]
    [InlineData("zigbee2mqtt/kitchen_light", "kitchen_light")]
    [InlineData("zigbee2mqtt/living room/floor lamp", "living room/floor lamp")]
    [InlineData("zigbee2mqtt/upstairs/bedroom/ceiling", "upstairs/bedroom/ceiling")]
    [InlineData("zigbee2mqtt/Küche Licht", "Küche Licht")]
    public void Device_topics_keep_the_whole_friendly_name(string topic, string name) =>
        Assert.Equal(new TopicRoute(TopicRouteKind.DeviceState, name), router.Route(topic));

    [Theory]
    [InlineData("zigbee2mqtt/kitchen_light/availability", "kitchen_light")]
    [InlineData("zigbee2mqtt/living room/floor lamp/availability", "living room/floor lamp")]
    public void Availability_topics_name_the_device(string topic, string name) =>
        Assert.Equal(new TopicRoute(TopicRouteKind.DeviceAvailability, name), router.Route(topic));

    [Theory]
    [InlineData("zigbee2mqtt/kitchen_light/set", "kitchen_light", null)]
    [InlineData("zigbee2mqtt/living room/floor lamp/set", "living room/floor lamp", null)]
    [InlineData("zigbee2mqtt/kitchen_light/set/brightness", "kitchen_light", "brightness")]
    [InlineData("zigbee2mqtt/living room/floor lamp/set/state", "living room/floor lamp", "state")]
    public void Set_topics_are_commands_to_the_named_device(string topic, string name, string? attribute) =>
        Assert.Equal(new TopicRoute(TopicRouteKind.DeviceCommand, name, attribute), router.Route(topic));

    [Theory]
    [InlineData("zigbee2mqtt/kitchen_light/get")]
    [InlineData("zigbee2mqtt/kitchen_light/get/state")]
    [InlineData("zigbee2mqtt//set")]
    [InlineData("zigbee2mqtt/bridge/state")]
    [InlineData("zigbee2mqtt/bridge/info")]
    [InlineData("zigbee2mqtt/bridge/event")]
    [InlineData("zigbee2mqtt/")]
    [InlineData("zigbee2mqtt")]
    [InlineData("ha-ai/status")]
    [InlineData("ha-ai/commands/automation/deploy")]
    [InlineData("other/topic")]
    public void Reads_bridge_topics_and_unknown_roots_are_ignored(string topic) =>
        Assert.Equal(TopicRouteKind.Ignored, router.Route(topic).Kind);

    [Fact]
    public void The_device_list_is_recognised() =>
        Assert.Equal(TopicRouteKind.DeviceList, router.Route("zigbee2mqtt/bridge/devices").Kind);

    [Theory]
    [InlineData("zigbee2mqtt/bridge/groups", TopicRouteKind.GroupList)]
    [InlineData("zigbee2mqtt/bridge/groups/set", TopicRouteKind.Ignored)]
    [InlineData("zigbee2mqtt/bridge/request/group/add", TopicRouteKind.Ignored)]
    [InlineData("zigbee2mqtt/bridge/set", TopicRouteKind.Ignored)]
    public void The_group_list_is_recognised_and_no_bridge_topic_is_a_command(string topic, TopicRouteKind kind) =>
        Assert.Equal(kind, router.Route(topic).Kind);

    [Fact]
    public void The_run_command_and_home_assistant_status_are_recognised()
    {
        Assert.Equal(TopicRouteKind.RunAnalysisCommand, router.Route("ha-ai/commands/analysis/run").Kind);
        Assert.Equal(TopicRouteKind.HomeAssistantStatus, router.Route("homeassistant/status").Kind);
    }

    [Fact]
    public void Custom_roots_are_honoured()
    {
        var custom = new TopicRouter("z2m/home", "ai", "ha");
        Assert.Equal(new TopicRoute(TopicRouteKind.DeviceState, "lamp"), custom.Route("z2m/home/lamp"));
        Assert.Equal(TopicRouteKind.DeviceList, custom.Route("z2m/home/bridge/devices").Kind);
        Assert.Equal(TopicRouteKind.GroupList, custom.Route("z2m/home/bridge/groups").Kind);
        Assert.Equal(TopicRouteKind.Ignored, custom.Route("zigbee2mqtt/lamp").Kind);
        Assert.Equal(["z2m/home/#", "ha/status", "ai/commands/#"], custom.Subscriptions);
    }
}
