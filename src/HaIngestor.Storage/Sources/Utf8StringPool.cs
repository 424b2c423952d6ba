using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Hands out one string instance per distinct UTF-8 value, looked up by its bytes so a value seen before costs
/// neither a transcode nor an allocation. An events file repeats a few hundred entity ids, states and areas
/// millions of times; sharing them keeps a large import's memory proportional to its events.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int Capacity = 100_000;
    private const int InitialSlots = 1024;

    // HA caps states and ids at 255 characters: longer values are rare, and pooling them could fill the memory.
    private const int LongestPooled = 256;

    // Open addressing with linear probing: slot → entry + 1 (0 = free); at most half the slots are used.
    private int[] _slots = new int[InitialSlots];
    private readonly List<Entry> _entries = [];

    /// <summary>The string of <paramref name="utf8"/>, or null when the bytes are not valid UTF-8.</summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > LongestPooled)
        {
            return Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        }

        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        var slot = (int)hash & mask;
        var entries = CollectionsMarshal.AsSpan(_entries);
        for (int index; (index = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref entries[index - 1];
            if (entry.Hash == hash && utf8.SequenceEqual(entry.Bytes))
            {
                return entry.Value;
            }
        }

        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        var created = Encoding.UTF8.GetString(utf8);
        if (_entries.Count < Capacity)
        {
            _entries.Add(new Entry(hash, utf8.ToArray(), created));
            _slots[slot] = _entries.Count;
            if (_entries.Count * 2 > _slots.Length)
            {
                Grow();
            }
        }

        return created;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < _entries.Count; i++)
        {
            var slot = (int)_entries[i].Hash & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>A multiply-rotate hash over 8-byte words: the values are short and this runs for every field of every line.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Prime = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length * Prime;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Prime, 29);
            bytes = bytes[8..];
        }

        // The last bytes, read whole: overlapping words are fine for a hash.
        var tail = bytes.Length switch
        {
            0 => 0UL,
            1 => bytes[0],
            2 or 3 => BinaryPrimitives.ReadUInt16LittleEndian(bytes) | ((ulong)bytes[^1] << 16),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]) << 32),
        };
        hash = (hash ^ tail) * Prime;
        return (uint)(hash ^ (hash >> 32));
    }

    private readonly record struct Entry(uint Hash, byte[] Bytes, string Value);
}
