namespace HaIngestor.Domain.Events;

/// <summary>An hour of event time [Start, Start + 1 h) that received L1 rows, and the write sequence of the last batch that did.</summary>
/// <param name="Start">A whole UTC hour.</param>
/// <param name="Sequence">The <see cref="L1WriteLog.Sequence"/> of the latest append with an event in this hour.</param>
public sealed record WrittenHour(DateTimeOffset Start, long Sequence)
{
    public DateTimeOffset End => Start.AddHours(1);
}
