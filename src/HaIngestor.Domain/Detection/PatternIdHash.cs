using System.Globalization;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Stable pattern ids: FNV-1a (64 bit) over the parts that define a behaviour. string.GetHashCode is
/// randomised per process, so it would give the same routine a new id in every run.
/// </summary>
internal static class PatternIdHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const char Separator = '\u001f';

    /// <summary><c>type-hhhhhhhhhhhhhhhh</c>, the hash covering the type and every part in order.</summary>
    public static string Compute(string type, params IEnumerable<string> parts)
    {
        var hash = Mix(OffsetBasis, type);
        foreach (var part in parts)
        {
            hash = Mix(Mix(hash, Separator), part);
        }

        return type + "-" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }
}
