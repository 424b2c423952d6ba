namespace HaIngestor.Actors.Bridge;

public enum TopicRouteKind
{
    /// <summary>Subscribed, but nothing acts on it (set/get, other bridge topics, unknown roots).</summary>
    Ignored,
    DeviceList,
    DeviceState,
    DeviceAvailability,
    RunAnalysisCommand,
    HomeAssistantStatus,
}
