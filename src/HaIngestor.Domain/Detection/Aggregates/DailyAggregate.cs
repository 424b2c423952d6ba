namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>What a detector keeps of one local day of events (an L2 row).</summary>
/// <param name="Date">The local date: the events with start-of-day ≤ time &lt; start of the next day.</param>
/// <param name="EventCount">All state changes of the day, including those the aggregate leaves out.</param>
public abstract record DailyAggregate(DateOnly Date, int EventCount)
{
    /// <summary>The aggregate kind, the L2 key next to the date.</summary>
    public abstract string Kind { get; }
}
