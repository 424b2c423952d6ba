using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Analysis;

/// <summary>A run's window read through L2: the detection context and what it took to make it.</summary>
/// <param name="Context">Stored aggregates of the window's whole days plus the raw events of the rest.</param>
/// <param name="EventCount">State changes the window holds: raw events read plus those summarised by the stored days.</param>
/// <param name="Days">Days aggregated, rebuilt, read from L2 and left out (see <see cref="AggregateDayCounts"/>).</param>
/// <param name="Pruned">L2 rows deleted by retention.</param>
/// <param name="Problems">Stored payloads that could not be read (their days were rebuilt or left out like stale ones).</param>
public sealed record AggregatedWindow(
    DetectionContext Context,
    long EventCount,
    AggregateDayCounts Days,
    int Pruned,
    IReadOnlyList<string> Problems);
