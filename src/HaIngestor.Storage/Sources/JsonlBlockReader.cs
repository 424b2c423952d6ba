using System.Buffers;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Cuts a UTF-8 stream into blocks of whole lines of about <paramref name="blockSize"/> bytes, numbering their lines.
/// A line longer than a block gets a block of its own, as large as it needs. Not thread-safe: one caller at a time.
/// </summary>
internal sealed class JsonlBlockReader(Stream stream, int blockSize)
{
    /// <summary>What the last block cut off: the start of the next line.</summary>
    private byte[] carry = [];
    private int carried;
    private long nextLine = 1;
    private bool atEnd;

    /// <summary>The next block, or null at the end of the stream.</summary>
    public JsonlBlock? Next(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (atEnd && carried == 0)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, carried * 2));
        carry.AsSpan(0, carried).CopyTo(buffer);
        var filled = carried;
        int cut;
        while (true)
        {
            while (filled < buffer.Length && !atEnd)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                atEnd = read == 0;
                filled += read;
            }

            cut = atEnd ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (cut > 0 || atEnd)
            {
                break;
            }

            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        carried = filled - cut;
        if (carry.Length < carried)
        {
            carry = new byte[Math.Max(carried, 256)];
        }

        buffer.AsSpan(cut, carried).CopyTo(carry);
        if (cut == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        // The last line of the stream may end without a newline; it is a line all the same.
        var lines = buffer.AsSpan(0, cut).Count((byte)'\n') + (buffer[cut - 1] == (byte)'\n' ? 0 : 1);
        var block = new JsonlBlock(buffer, cut, nextLine, lines);
        nextLine += lines;
        return block;
    }
}
