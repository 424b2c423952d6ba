namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>One entity within a <see cref="TimeOfDayDay"/>.</summary>
/// <param name="EntityId">HA entity id.</param>
/// <param name="FirstTicks">UTC ticks of its first change of the day, of any kind.</param>
/// <param name="LastTicks">UTC ticks of its last change of the day, of any kind.</param>
/// <param name="States">The behaviour states people changed it to, by state.</param>
public sealed record TimeOfDayEntityDay(string EntityId, long FirstTicks, long LastTicks, IReadOnlyList<TimeOfDayStateDay> States);
