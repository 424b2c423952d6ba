using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>
/// Folds one local day's state changes, handed over one at a time in the order they come, into a detector's daily
/// aggregate, so a day's changes never have to be held to aggregate it.
/// </summary>
public interface IDayFold
{
    void Add(StateChange change);

    /// <summary>The aggregate of the changes added; the fold is done with after this.</summary>
    DailyAggregate Complete();
}
