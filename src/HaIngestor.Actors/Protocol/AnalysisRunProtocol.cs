namespace HaIngestor.Actors.Protocol;

/// <summary>What one run analyses.</summary>
/// <param name="RunId">Unique id, also part of the actor name.</param>
/// <param name="Kind">daily, weekly, monthly or on-demand.</param>
/// <param name="Trigger">schedule, catch-up, mqtt, rest, demo, ...</param>
/// <param name="WindowStart">Inclusive.</param>
/// <param name="WindowEnd">Exclusive.</param>
public sealed record AnalysisRunRequest(string RunId, string Kind, string Trigger, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);
