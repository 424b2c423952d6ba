namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>Everything planted in one simulated history (the content of <c>truth.json</c>).</summary>
/// <param name="Home">Home name.</param>
/// <param name="TimeZone">IANA time zone the local times are in.</param>
/// <param name="Seed">Simulator seed, when known.</param>
/// <param name="Entries">The planted behaviours, every kind.</param>
public sealed record TruthSet(string Home, string TimeZone, int? Seed, IReadOnlyList<TruthEntry> Entries);
