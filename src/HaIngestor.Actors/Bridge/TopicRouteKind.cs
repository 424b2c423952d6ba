namespace HaIngestor.Actors.Bridge;

public enum TopicRouteKind
{
    /// <summary>Subscribed, but nothing acts on it (get, other bridge topics, unknown roots).</summary>
    Ignored,
    DeviceList,

    /// <summary><c>bridge/groups</c>: the groups, so that a command to one reaches its members only.</summary>
    GroupList,
    DeviceState,
    DeviceAvailability,

    /// <summary><c>&lt;name&gt;/set</c> or <c>&lt;name&gt;/set/&lt;attribute&gt;</c>: a command to a device or a group.</summary>
    DeviceCommand,
    RunAnalysisCommand,
    HomeAssistantStatus,
}
