namespace HaIngestor.Simulation;

/// <summary>What <see cref="SimulationWriter.Write"/> produced.</summary>
/// <param name="Directory">Output directory.</param>
/// <param name="From">First instant of the window, UTC.</param>
/// <param name="To">End of the window (exclusive), UTC.</param>
/// <param name="Events">Lines written to events.jsonl.</param>
/// <param name="Devices">Devices in bridge_devices.json, the Coordinator included.</param>
/// <param name="Entities">Entities in home.json.</param>
/// <param name="Routines">Planted routines in truth.json.</param>
public sealed record SimulationSummary(string Directory, DateTimeOffset From, DateTimeOffset To, long Events, int Devices, int Entities, int Routines);
