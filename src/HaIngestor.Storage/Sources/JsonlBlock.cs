using System.Buffers;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// A run of whole lines of an events.jsonl file and, once parsed, their changes and rejected lines. Each block knows
/// the number of its first line, so blocks can be parsed on several cores at once and still be taken in file order
/// with the right line numbers.
/// </summary>
internal sealed class JsonlBlock
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly ManualResetEventSlim parsed = new();
    private readonly int length;
    private byte[]? bytes;

    /// <param name="bytes">A pooled buffer; the block returns it once parsed.</param>
    /// <param name="length">How many of its bytes are the block's lines.</param>
    /// <param name="firstLine">The 1-based number of the first line.</param>
    /// <param name="lines">How many lines the block holds, blank ones included.</param>
    public JsonlBlock(byte[] bytes, int length, long firstLine, long lines)
    {
        this.bytes = bytes;
        this.length = length;
        FirstLine = firstLine;
        Lines = lines;

        // Sized for lines of about 128 bytes (HA's lines are longer), so the list rarely grows.
        Changes = new List<StateChange>(length / 128);
    }

    public long FirstLine { get; }

    public long Lines { get; }

    /// <summary>The changes of the lines that parsed, in file order.</summary>
    public List<StateChange> Changes { get; }

    /// <summary>The lines that did not parse, in file order.</summary>
    public List<JsonlLineError> Errors { get; } = [];

    /// <summary>Parses every line, then gives the buffer back: the changes hold copies of what they need.</summary>
    public void Parse(EventsJsonlLineParser parser)
    {
        var rest = bytes.AsSpan(0, length);
        var number = FirstLine;
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            ParseLine(parser, Trim(line, number), number);
            number++;
        }

        ArrayPool<byte>.Shared.Return(bytes!);
        bytes = null;
        parsed.Set();
    }

    /// <summary>Waits until another thread has parsed the block.</summary>
    /// <remarks>The event is not disposed: it never makes a kernel handle (no WaitHandle is asked for), and the
    /// parsing thread may still be inside Set when the wait returns.</remarks>
    public void WaitParsed(CancellationToken cancellationToken) => parsed.Wait(cancellationToken);

    private void ParseLine(EventsJsonlLineParser parser, ReadOnlySpan<byte> line, long number)
    {
        if (line.IndexOfAnyExcept(" \t\r"u8) < 0)
        {
            return;
        }

        if (parser.Parse(line, out var error) is { } change)
        {
            Changes.Add(change);
        }
        else
        {
            Errors.Add(new JsonlLineError(number, error!));
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line, long number)
    {
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        return number == 1 && line.StartsWith(Utf8Bom) ? line[Utf8Bom.Length..] : line;
    }
}
