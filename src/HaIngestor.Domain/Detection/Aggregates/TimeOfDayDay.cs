namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// One local day as <see cref="TimeOfDayDetector"/> needs it: per entity, when it was first and last seen
/// (any change, any origin: that is when it existed) and, per behaviour state, the local minute stamps of the
/// day's human changes to it. Measurements, automation and system changes, attribute-only changes and the
/// ignored domains are left out.
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="EventCount">All state changes of the day, including those left out.</param>
/// <param name="Entities">The entities changed that day, by entity_id.</param>
public sealed record TimeOfDayDay(DateOnly Date, int EventCount, IReadOnlyList<TimeOfDayEntityDay> Entities) : DailyAggregate(Date, EventCount)
{
    public const string KindName = "time_of_day";

    public override string Kind => KindName;
}
