namespace HaIngestor.Actors.Bridge;

/// <summary>Where a topic goes; <see cref="FriendlyName"/> is set for device topics.</summary>
public sealed record TopicRoute(TopicRouteKind Kind, string? FriendlyName = null)
{
    public static TopicRoute Ignored { get; } = new(TopicRouteKind.Ignored);
}
