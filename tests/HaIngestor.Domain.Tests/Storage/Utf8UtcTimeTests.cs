using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

/// <summary>The time fast path must give exactly what the general ISO-8601 parser gives, or stand aside.</summary>
public sealed class Utf8UtcTimeTests
{
    /// <summary>The general parser the reader falls back to, as a JSON string value.</summary>
    private static DateTimeOffset? General(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text)));
        reader.Read();
        return reader.TryGetDateTimeOffset(out var parsed) ? parsed.ToUniversalTime() : null;
    }

    private static DateTimeOffset? Fast(string text) =>
        Utf8UtcTime.TryParse(Encoding.UTF8.GetBytes(text), out var parsed) ? parsed : null;

    [Theory]
    [InlineData("2025-10-13T04:31:07.120Z")]
    [InlineData("2025-10-13T04:31:07Z")]
    [InlineData("2025-10-13T04:31:07.1Z")]
    [InlineData("2025-10-13T04:31:07.1234567Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void Takes_the_writers_format_exactly_as_the_general_parser(string text)
    {
        var fast = Fast(text);

        Assert.NotNull(fast);
        Assert.Equal(General(text), fast);
        Assert.Equal(General(text)!.Value.UtcTicks, fast.Value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, fast.Value.Offset);
    }

    [Theory]
    [InlineData("2025-10-13T06:31:07.120+02:00")]
    [InlineData("2025-10-13T04:31:07.120-00:00")]
    [InlineData("2025-10-13T04:31:07.120z")]
    [InlineData("2025-10-13t04:31:07.120Z")]
    [InlineData("2025-10-13T04:31:07.12345678Z")]
    [InlineData("2025-10-13T04:31:07.Z")]
    [InlineData("2025-10-13T04:31Z")]
    [InlineData("2025-10-13 04:31:07Z")]
    [InlineData("2025-10-13T04:31:07")]
    [InlineData("2025-02-29T04:31:07Z")]
    [InlineData("2025-13-01T04:31:07Z")]
    [InlineData("2025-00-01T04:31:07Z")]
    [InlineData("2025-10-00T04:31:07Z")]
    [InlineData("2025-10-13T24:00:00Z")]
    [InlineData("2025-10-13T23:60:00Z")]
    [InlineData("2025-10-13T23:59:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2025-1a-13T04:31:07Z")]
    [InlineData("+2025-10-13T04:31:07Z")]
    [InlineData("2025-10-13T04:31:07.12a4Z")]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Leaves_every_other_shape_to_the_general_parser(string text)
    {
        Assert.Null(Fast(text));
    }

    /// <summary>Any digits in the fast-path shape, valid or not: accepted only when the general parser gives the same instant.</summary>
    [Property(MaxTest = 2000)]
    public bool Agrees_with_the_general_parser_on_any_digits(ushort year, byte month, byte day, byte hour, byte minute, byte second, uint fraction, byte fractionDigits)
    {
        var digits = fractionDigits % 9;
        var fractionText = digits == 0 ? "" : "." + (fraction % 100_000_000).ToString("D8")[..Math.Min(digits, 8)];
        var text = $"{year % 10_000:D4}-{month % 14:D2}-{day % 33:D2}T{hour % 26:D2}:{minute % 62:D2}:{second % 62:D2}{fractionText}Z";

        var fast = Fast(text);
        var general = General(text);

        return fast is null
            ? general is null || digits == 8 || (second % 62) == 60
            : general is { } g && g.UtcTicks == fast.Value.UtcTicks && fast.Value.Offset == TimeSpan.Zero;
    }

    /// <summary>Every real instant written the way the project's writers write it goes through the fast path.</summary>
    [Property(MaxTest = 1000)]
    public bool Reads_back_any_written_instant(long rawTicks)
    {
        var ticks = (long)((ulong)rawTicks % (ulong)DateTime.MaxValue.Ticks);
        var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
        var text = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        return Fast(text) == instant && General(text) == instant;
    }
}
