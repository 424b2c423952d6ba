using System.Buffers;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Reads events.jsonl (ARCHITECTURE.md section 6) line by line from UTF-8 bytes, never holding the file
/// as one string. A line that does not parse is skipped and reported with its 1-based number; reading
/// never throws because of the content.
/// </summary>
public static class EventsJsonlReader
{
    private const int InitialBufferSize = 1 << 16;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

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
        var errors = new List<JsonlLineError>();
        var tally = new Tally(error =>
        {
            if (errors.Count < options.MaxErrors)
            {
                errors.Add(error);
            }
        });

        var events = Scan(utf8, options, tally, cancellationToken).ToList();
        var sorted = tally.OutOfOrder > 0 ? events.OrderBy(e => e.Time).ToList() : events;
        var unique = WithoutDuplicates(sorted, out var duplicates);
        return new EventsJsonlReadResult(unique, tally.LinesRead, tally.Skipped, duplicates, tally.OutOfOrder, tally.OutsideWindow, errors);
    }

    /// <summary>
    /// Streams a file's events in file order to <paramref name="onEvent"/>, holding none of them: for analyses that
    /// fold events as they come. Repeats of an event (same entity, time and state) are dropped and counted; the
    /// result's <see cref="EventsJsonlReadResult.Events"/> is empty and its counters are complete. With more than one
    /// core, lines are parsed ahead on the calling thread while <paramref name="onEvent"/> runs on one worker thread,
    /// one event at a time; an exception it throws stops the reading and is rethrown here.
    /// </summary>
    public static EventsJsonlReadResult ReadFile(string path, EventsJsonlReadOptions? options, Action<StateChange> onEvent, CancellationToken cancellationToken = default)
    {
        options ??= new EventsJsonlReadOptions();
        var errors = new List<JsonlLineError>();
        var tally = new Tally(error =>
        {
            if (errors.Count < options.MaxErrors)
            {
                errors.Add(error);
            }
        });
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var atTime = DateTimeOffset.MinValue;
        var seenAtTime = new SameInstantPairs();
        long duplicates = 0;
        ReadAheadPipeline.Run(Scan(stream, options, tally, cancellationToken), change =>
        {
            if (change.Time != atTime)
            {
                atTime = change.Time;
                seenAtTime.Clear();
            }

            if (!seenAtTime.Add(change.EntityId, change.State))
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
    /// each skipped line goes to <paramref name="onError"/>.
    /// </summary>
    public static IEnumerable<StateChange> Enumerate(Stream utf8, EventsJsonlReadOptions? options = null, Action<JsonlLineError>? onError = null, CancellationToken cancellationToken = default) =>
        Scan(utf8, options ?? new EventsJsonlReadOptions(), new Tally(onError ?? (_ => { })), cancellationToken);

    private static IEnumerable<StateChange> Scan(Stream utf8, EventsJsonlReadOptions options, Tally tally, CancellationToken cancellationToken)
    {
        var parser = new EventsJsonlLineParser(options.EntityAreas);
        var latest = DateTimeOffset.MinValue;
        foreach (var (number, line) in Lines(utf8, cancellationToken))
        {
            tally.LinesRead = number;
            if (line.Span.IndexOfAnyExcept(" \t\r"u8) < 0)
            {
                continue;
            }

            var change = parser.Parse(line.Span, out var error);
            if (change is null)
            {
                tally.Skipped++;
                tally.OnError(new JsonlLineError(number, error!));
                continue;
            }

            if (change.Time < latest)
            {
                tally.OutOfOrder++;
            }
            else
            {
                latest = change.Time;
            }

            if (change.Time < options.From || change.Time >= options.To)
            {
                tally.OutsideWindow++;
                continue;
            }

            yield return change;
        }
    }

    /// <summary>The lines of the stream; each memory is valid only until the next line is taken.</summary>
    private static IEnumerable<(long Number, ReadOnlyMemory<byte> Line)> Lines(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int start = 0, end = 0, scanned = 0;
            long number = 0;
            var atEnd = false;
            while (!atEnd)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        (end, scanned, start) = (end - start, scanned - start, 0);
                    }
                    else
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                atEnd = read == 0;
                end += read;

                int newline;
                while ((newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n')) >= 0)
                {
                    var lineEnd = scanned + newline;
                    number++;
                    yield return (number, Trim(buffer, start, lineEnd, number));
                    start = scanned = lineEnd + 1;
                }

                scanned = end;
                if (atEnd && end > start)
                {
                    number++;
                    yield return (number, Trim(buffer, start, end, number));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlyMemory<byte> Trim(byte[] buffer, int start, int end, long number)
    {
        if (end > start && buffer[end - 1] == '\r')
        {
            end--;
        }

        if (number == 1 && buffer.AsSpan(start, end - start).StartsWith(Utf8Bom))
        {
            start += Utf8Bom.Length;
        }

        return buffer.AsMemory(start, end - start);
    }

    /// <summary>Drops later copies of an entity/time/state; after sorting, copies share a time, so only runs of equal times are checked.</summary>
    private static List<StateChange> WithoutDuplicates(List<StateChange> sorted, out long duplicates)
    {
        duplicates = 0;
        var unique = new List<StateChange>(sorted.Count);
        var seenAtTime = new HashSet<(string EntityId, string State)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var change = sorted[i];
            if (i == 0 || sorted[i - 1].Time != change.Time)
            {
                seenAtTime.Clear();
            }

            var sharesTime = (i > 0 && sorted[i - 1].Time == change.Time) || (i + 1 < sorted.Count && sorted[i + 1].Time == change.Time);
            if (sharesTime && !seenAtTime.Add((change.EntityId, change.State)))
            {
                duplicates++;
                continue;
            }

            unique.Add(change);
        }

        return unique;
    }

    private sealed class Tally(Action<JsonlLineError> onError)
    {
        public Action<JsonlLineError> OnError { get; } = onError;

        public long LinesRead { get; set; }

        public long Skipped { get; set; }

        public long OutOfOrder { get; set; }

        public long OutsideWindow { get; set; }
    }
}
