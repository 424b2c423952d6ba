using System.Text;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>Reads what <see cref="PayloadWriter"/> wrote; malformed input throws <see cref="InvalidDataException"/> only.</summary>
internal sealed class PayloadReader : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly BinaryReader _reader;

    public PayloadReader(byte[] payload)
    {
        _stream = new MemoryStream(payload, writable: false);
        _reader = new BinaryReader(_stream, new UTF8Encoding(false, throwOnInvalidBytes: true), leaveOpen: true);
    }

    public bool AtEnd => _stream.Position == _stream.Length;

    public byte Byte() => Guard(() => _reader.ReadByte());

    /// <summary>A count of items that each take at least one byte, so a corrupt count cannot make a huge allocation.</summary>
    public int Count()
    {
        var count = Guard(() => _reader.Read7BitEncodedInt());
        if (count < 0 || count > _stream.Length - _stream.Position)
        {
            throw new InvalidDataException($"count {count} does not fit the payload");
        }

        return count;
    }

    /// <summary>A number below <paramref name="bound"/>, such as an index into a table read before.</summary>
    public int Index(int bound)
    {
        var index = Guard(() => _reader.Read7BitEncodedInt());
        return index >= 0 && index < bound ? index : throw new InvalidDataException($"index {index} out of 0..{bound - 1}");
    }

    public long Unsigned()
    {
        var value = Guard(() => _reader.Read7BitEncodedInt64());
        return value >= 0 ? value : throw new InvalidDataException("negative length or delta");
    }

    public long Signed()
    {
        var raw = (ulong)Guard(() => _reader.Read7BitEncodedInt64());
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public long Fixed() => Guard(() => _reader.ReadInt64());

    public string Text() => Guard(() => _reader.ReadString());

    public string? OptionalText() => Guard(() => _reader.ReadBoolean()) ? Text() : null;

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or DecoderFallbackException or IOException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
