using System.Globalization;

namespace HaIngestor.Domain.Detection;

/// <summary>ISO-8601 UTC timestamps with a <c>Z</c>, as every JSON form of the project writes them.</summary>
internal static class IsoUtc
{
    private const string Milliseconds = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string Ticks = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Milliseconds when that is exact (the usual case), otherwise full tick precision, so reading it back loses nothing.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerMillisecond == 0 ? Milliseconds : Ticks, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a timestamp that carries its offset; a time without one is ambiguous and rejected.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(text) || !HasOffset(text))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        instant = parsed.ToUniversalTime();
        return true;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T');
        return t > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(t).IndexOfAny('+', '-') >= 0);
    }
}
