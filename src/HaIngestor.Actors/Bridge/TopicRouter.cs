namespace HaIngestor.Actors.Bridge;

/// <summary>
/// Maps a received topic to what it means. Zigbee2MQTT friendly names may contain '/', so a device topic is
/// everything after the base topic, minus a trailing <c>/availability</c>. <c>/set</c> topics (also
/// <c>/set/&lt;attribute&gt;</c>) are commands, which tell who changed a device; <c>/get</c> topics are ignored.
/// </summary>
public sealed class TopicRouter(string zigbee2MqttBaseTopic, string baseTopic, string discoveryPrefix)
{
    private readonly string zigbeePrefix = zigbee2MqttBaseTopic.TrimEnd('/') + "/";
    private readonly string bridgePrefix = zigbee2MqttBaseTopic.TrimEnd('/') + "/bridge/";
    private readonly string deviceListTopic = zigbee2MqttBaseTopic.TrimEnd('/') + "/bridge/devices";
    private readonly string groupListTopic = zigbee2MqttBaseTopic.TrimEnd('/') + "/bridge/groups";
    private readonly string runAnalysisTopic = baseTopic.TrimEnd('/') + "/commands/analysis/run";
    private readonly string homeAssistantStatusTopic = discoveryPrefix.TrimEnd('/') + "/status";

    /// <summary>The topic filters the bridge subscribes to.</summary>
    public IReadOnlyList<string> Subscriptions =>
        [zigbeePrefix + "#", homeAssistantStatusTopic, baseTopic.TrimEnd('/') + "/commands/#"];

    public TopicRoute Route(string topic)
    {
        if (topic == deviceListTopic)
        {
            return new TopicRoute(TopicRouteKind.DeviceList);
        }

        if (topic == groupListTopic)
        {
            return new TopicRoute(TopicRouteKind.GroupList);
        }

        if (topic == runAnalysisTopic)
        {
            return new TopicRoute(TopicRouteKind.RunAnalysisCommand);
        }

        if (topic == homeAssistantStatusTopic)
        {
            return new TopicRoute(TopicRouteKind.HomeAssistantStatus);
        }

        if (!topic.StartsWith(zigbeePrefix, StringComparison.Ordinal) || topic.StartsWith(bridgePrefix, StringComparison.Ordinal))
        {
            return TopicRoute.Ignored;
        }

        var rest = topic[zigbeePrefix.Length..];
        var segments = rest.Split('/');
        if (segments.Length >= 2 && segments[^1] == "set" && segments[..^1].All(s => s.Length > 0))
        {
            return new TopicRoute(TopicRouteKind.DeviceCommand, rest[..^"/set".Length]);
        }

        if (segments.Length >= 3 && segments[^2] == "set" && segments[..^2].All(s => s.Length > 0) && segments[^1].Length > 0)
        {
            return new TopicRoute(TopicRouteKind.DeviceCommand, string.Join('/', segments[..^2]), segments[^1]);
        }

        if (segments.Length >= 2 && segments[^1] is "set" or "get")
        {
            return TopicRoute.Ignored;
        }

        if (segments.Length >= 3 && segments[^2] is "set" or "get")
        {
            return TopicRoute.Ignored;
        }

        if (segments.Length >= 2 && segments[^1] == "availability")
        {
            return new TopicRoute(TopicRouteKind.DeviceAvailability, rest[..^"/availability".Length]);
        }

        return rest.Length == 0 || segments.Any(s => s.Length == 0)
            ? TopicRoute.Ignored
            : new TopicRoute(TopicRouteKind.DeviceState, rest);
    }
}
