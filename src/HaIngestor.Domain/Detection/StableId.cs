using System.Security.Cryptography;
using System.Text;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Short ids derived from content, identical on every machine and in every run
/// (string.GetHashCode is randomised per process and must never reach an id).
/// </summary>
public static class StableId
{
    public const int DefaultLength = 12;

    /// <summary>The first <paramref name="length"/> lowercase hex digits of the SHA-256 of <paramref name="key"/> (UTF-8).</summary>
    public static string Hex(string key, int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..((length + 1) / 2)])[..length];
    }

    /// <summary>A key from parts, joined with a separator that cannot be confused with the parts' own text.</summary>
    public static string Of(params ReadOnlySpan<string> parts) => Hex(string.Join('\u001f', parts));

    /// <summary><c>type-hhhhhhhhhhhhhhhh</c>: a pattern id from its type and the parts that define the behaviour.</summary>
    public static string PatternId(string type, params IEnumerable<string> parts) => type + "-" + Hex(string.Join('\u001f', [type, .. parts]), 16);
}
