using System.Text;

namespace HaIngestor.Domain.Detection.Aggregates;

/// <summary>Compact binary encoding for aggregate payloads: LEB128 variable-length integers and length-prefixed UTF-8 strings.</summary>
internal sealed class PayloadWriter : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public PayloadWriter() => _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);

    public void Byte(byte value) => _writer.Write(value);

    public void Count(int value) => _writer.Write7BitEncodedInt(value);

    public void Unsigned(long value) => _writer.Write7BitEncodedInt64(value);

    /// <summary>Zig-zag, so small negative numbers stay short.</summary>
    public void Signed(long value) => _writer.Write7BitEncodedInt64((value << 1) ^ (value >> 63));

    public void Fixed(long value) => _writer.Write(value);

    public void Text(string value) => _writer.Write(value);

    public void OptionalText(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
