using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// What reading an events.jsonl file has met so far, kept in file order: the checks that depend on the lines before
/// (out of order, the window) happen here, once per parsed change, whichever thread parsed it.
/// </summary>
internal sealed class EventsJsonlTally(EventsJsonlReadOptions options, Action<JsonlLineError> onError)
{
    private DateTimeOffset latest = DateTimeOffset.MinValue;

    public long LinesRead { get; private set; }

    public long Skipped { get; private set; }

    public long OutOfOrder { get; private set; }

    public long OutsideWindow { get; private set; }

    /// <summary>Counts the lines of a block; they are numbered on from the ones before.</summary>
    public void Read(long lines) => LinesRead += lines;

    public void Reject(JsonlLineError error)
    {
        Skipped++;
        onError(error);
    }

    /// <summary>Whether the change lies in the window; a change earlier than one before it is counted either way.</summary>
    public bool Admit(StateChange change)
    {
        if (change.Time < latest)
        {
            OutOfOrder++;
        }
        else
        {
            latest = change.Time;
        }

        if (change.Time < options.From || change.Time >= options.To)
        {
            OutsideWindow++;
            return false;
        }

        return true;
    }
}
