using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Reads events.jsonl (ARCHITECTURE.md section 6) line by line from UTF-8 bytes, never holding the file
/// as one string. A line that does not parse is skipped and reported with its 1-based number; reading
/// never throws because of the content.
/// </summary>
public static class EventsJsonlReader
{
    // Big enough that handing blocks between threads costs nothing next to parsing them, small enough that the few
    // blocks in flight stay a few megabytes.
    private const int BlockSize = 1 << 20;

    /// <summary>How many threads parse a file's lines at once on this machine.</summary>
    public static int ParsingThreads => OrderedBlockParsing.DefaultWorkers;

    /// <summary>Reads a file into time-sorted, de-duplicated events with counters.</summary>
    public static EventsJsonlReadResult ReadFile(string path, EventsJsonlReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, options, cancellationToken);
    }

    /// <summary>Reads a stream into time-sorted, de-duplicated events with counters.</summary>
    public static EventsJsonlReadResult Read(Stream utf8, EventsJsonlReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EventsJsonlReadOptions();
        var tally = KeepingErrors(options, out var errors);
        var events = new List<StateChange>();
        Scan(utf8, options, tally, events.Add, cancellationToken);
        var sorted = tally.OutOfOrder > 0 ? events.OrderBy(e => e.Time).ToList() : events;
        var unique = WithoutDuplicates(sorted, out var duplicates);
        return new EventsJsonlReadResult(unique, tally.LinesRead, tally.Skipped, duplicates, tally.OutOfOrder, tally.OutsideWindow, errors);
    }

    /// <summary>
    /// Streams a file's events in file order to <paramref name="onEvent"/>, holding none of them: for analyses that
    /// fold events as they come. Repeats of an event (same entity, time and state) are dropped and counted; the
    /// result's <see cref="EventsJsonlReadResult.Events"/> is empty and its counters are complete. With more than one
    /// core the lines are parsed in blocks on every core while <paramref name="onEvent"/> runs on the calling thread,
    /// one event at a time in file order; an exception it throws stops the reading and is rethrown here.
    /// </summary>
    public static EventsJsonlReadResult ReadFile(string path, EventsJsonlReadOptions? options, Action<StateChange> onEvent, CancellationToken cancellationToken = default)
    {
        options ??= new EventsJsonlReadOptions();
        var tally = KeepingErrors(options, out var errors);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var repeats = new SameInstantPairs();
        long duplicates = 0;
        Scan(stream, options, tally, change =>
        {
            if (repeats.IsRepeat(change))
            {
                duplicates++;
                return;
            }

            onEvent(change);
        }, cancellationToken);

        return new EventsJsonlReadResult([], tally.LinesRead, tally.Skipped, duplicates, tally.OutOfOrder, tally.OutsideWindow, errors);
    }

    /// <summary>
    /// Streams the events in file order, neither sorted nor de-duplicated, for imports too large to hold;
    /// each skipped line goes to <paramref name="onError"/>. Parsed on the enumerating thread a block (about 1 MB of
    /// lines) at a time: a block's skipped lines are reported before its events are yielded.
    /// </summary>
    public static IEnumerable<StateChange> Enumerate(Stream utf8, EventsJsonlReadOptions? options = null, Action<JsonlLineError>? onError = null, CancellationToken cancellationToken = default)
    {
        options ??= new EventsJsonlReadOptions();
        var tally = new EventsJsonlTally(options, onError ?? (_ => { }));
        var reader = new JsonlBlockReader(utf8, BlockSize);
        var parser = new EventsJsonlLineParser(options.EntityAreas);
        var admitted = new List<StateChange>();
        while (reader.Next(cancellationToken) is { } block)
        {
            block.Parse(parser);
            admitted.Clear();
            Take(block, tally, admitted.Add);
            foreach (var change in admitted)
            {
                yield return change;
            }
        }
    }

    /// <summary>Gives <paramref name="consume"/> the file's changes inside the window, in file order, on the calling thread.</summary>
    internal static void Scan(Stream utf8, EventsJsonlReadOptions options, EventsJsonlTally tally, Action<StateChange> consume, CancellationToken cancellationToken, int? workers = null, int blockSize = BlockSize) =>
        OrderedBlockParsing.Run(
            new JsonlBlockReader(utf8, blockSize),
            options.EntityAreas,
            workers ?? WorkersFor(utf8, blockSize),
            block => Take(block, tally, consume),
            cancellationToken);

    /// <summary>No more parsing threads than the stream has blocks: a small file is read on the calling thread alone.</summary>
    private static int WorkersFor(Stream utf8, int blockSize) =>
        utf8.CanSeek
            ? (int)Math.Min(OrderedBlockParsing.DefaultWorkers, ((utf8.Length - utf8.Position) / blockSize) + 1)
            : OrderedBlockParsing.DefaultWorkers;

    /// <summary>A parsed block's lines in file order: counted, rejected or, inside the window, consumed.</summary>
    private static void Take(JsonlBlock block, EventsJsonlTally tally, Action<StateChange> consume)
    {
        tally.Read(block.Lines);
        foreach (var error in block.Errors)
        {
            tally.Reject(error);
        }

        foreach (var change in block.Changes)
        {
            if (tally.Admit(change))
            {
                consume(change);
            }
        }
    }

    private static EventsJsonlTally KeepingErrors(EventsJsonlReadOptions options, out List<JsonlLineError> errors)
    {
        var kept = new List<JsonlLineError>();
        errors = kept;
        return new EventsJsonlTally(options, error =>
        {
            if (kept.Count < options.MaxErrors)
            {
                kept.Add(error);
            }
        });
    }

    /// <summary>Drops later copies of an entity/time/state from time-sorted changes, as streaming does.</summary>
    private static List<StateChange> WithoutDuplicates(List<StateChange> sorted, out long duplicates)
    {
        var repeats = new SameInstantPairs();
        var unique = new List<StateChange>(sorted.Count);
        foreach (var change in sorted)
        {
            if (!repeats.IsRepeat(change))
            {
                unique.Add(change);
            }
        }

        duplicates = sorted.Count - unique.Count;
        return unique;
    }
}
