namespace HaIngestor.Actors.Bridge;

/// <summary>Where a topic goes; <see cref="FriendlyName"/> is set for device topics, <see cref="Attribute"/> for <c>/set/&lt;attribute&gt;</c>.</summary>
public sealed record TopicRoute(TopicRouteKind Kind, string? FriendlyName = null, string? Attribute = null)
{
    public static TopicRoute Ignored { get; } = new(TopicRouteKind.Ignored);
}
