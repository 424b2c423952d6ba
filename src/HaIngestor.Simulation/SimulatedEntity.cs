namespace HaIngestor.Simulation;

/// <summary>One Home Assistant entity of a simulated device.</summary>
/// <param name="Index">Position in <see cref="SimulatedHome.Entities"/>.</param>
/// <param name="EntityId">HA entity id, as ENTITY_MAPPING.md derives it from the device.</param>
/// <param name="Area">Area from the friendly name.</param>
/// <param name="Role">The device property it stands for.</param>
/// <param name="DeviceIndex">Position of its device in <see cref="SimulatedHome.Devices"/>.</param>
/// <param name="InitialState">The HA state before the first simulated change; null when HA has none (action).</param>
public sealed record SimulatedEntity(int Index, string EntityId, string? Area, EntityRole Role, int DeviceIndex, string? InitialState);
