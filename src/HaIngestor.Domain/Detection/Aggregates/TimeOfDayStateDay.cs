namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>The human changes of one entity to one behaviour state within a <see cref="TimeOfDayDay"/>.</summary>
/// <param name="State">The behaviour state (see <see cref="BehaviourState"/>).</param>
/// <param name="Stamps">Local minute stamps (see <see cref="Time.LocalTimeConverter.ToLocalMinuteStamp"/>) in the order the events came.</param>
public sealed record TimeOfDayStateDay(string State, long[] Stamps);
