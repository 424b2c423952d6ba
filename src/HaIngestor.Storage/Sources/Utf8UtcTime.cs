namespace HaIngestor.Storage.Sources;

/// <summary>
/// The fast path for the one time format events.jsonl writers use, <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> with one to
/// seven fraction digits: read field by field with no culture, pattern or offset machinery. Anything else
/// (offsets, lowercase letters, more digits, escapes, out-of-range fields) is left to the general ISO-8601 parser.
/// </summary>
public static class Utf8UtcTime
{
    private const int WholeSeconds = 19;

    /// <summary>Whether <paramref name="text"/> has exactly the fast-path shape and is a real instant; then <paramref name="instant"/> is it, in UTC.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length < WholeSeconds + 1 || text.Length > WholeSeconds + 9 || text[^1] != (byte)'Z'
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fraction = 0;
        var rest = text[WholeSeconds..^1];
        if (rest.Length > 0)
        {
            if (rest.Length < 2 || rest[0] != (byte)'.' || !TryDigits(rest[1..], out var digits))
            {
                return false;
            }

            fraction = digits;
            for (var scale = rest.Length - 1; scale < 7; scale++)
            {
                fraction *= 10;
            }
        }

        instant = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
