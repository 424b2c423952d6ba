using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>The state changes of one local day (or of the part of it inside a window), in the order given.</summary>
public sealed record LocalDay(DateOnly Date, IReadOnlyList<StateChange> Events);
