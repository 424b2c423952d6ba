using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

/// <summary>
/// The compact fast path may only speed lines up: for any line, the parser gives what the general (validating
/// reader) path gives — the same change, or the same error.
/// </summary>
public sealed class CompactLineReaderTests
{
    private static readonly Dictionary<string, string> Areas = new() { ["light.kitchen"] = "kitchen" };

    private static readonly string[] Keys = ["time", "entity_id", "state", "old_state", "area", "origin", "context", "attributes", "other", "", "tim\\u0065", "entity_id"];

    private static readonly string[] Values =
    [
        "\"2025-10-13T04:31:07.120Z\"", "\"2025-10-13T04:31:07Z\"", "\"2025-10-13T06:31:07.120+02:00\"", "\"2025-10-13T04:31:07.120z\"",
        "\"2025-02-29T04:31:07Z\"", "\"2025-10-13T04:31:07\"", "\"yesterday\"",
        "\"light.kitchen\"", "\"sensor.temp\"", "\"kitchen\"", "\"light.\"", "\"light\"", "\"on\"", "\"off\"", "\"\"", "\"l\\u0069ght.kitchen\"",
        "\"manual\"", "\"automation\"", "\"system\"", "\"robot\"", "\"caf\u00e9\"", "\"tab\there\"",
        "null", "21.5", "-0", "01", "1e3", "true", "false", "nul", "[1,{\"a\":null}]", "{}", "{\"unit\":\"°C\",\"x\":[1,2]}", "{\"a\":",
        "{\"user_id\":null,\"parent_id\":null}", "{\"user_id\":\"u1\",\"parent_id\":null}", "{\"user_id\":null,\"parent_id\":\"01JABC\"}",
        "{\"parent_id\":5}", "{\"user_id\":7}", "{\"id\":\"x\",\"user_id\":\"u\"}", "{\"user_id\":\"u\" }",
        "{\"user_id\":null,\"parent_id\":null,\"id\":\"x\"}", "{\"user_id\":null,\"parent_id\":null}}", "{\"user_id\":null,\"parent_id\":null",
    ];

    private static readonly string[] Separators = [",", ",", ",", ", ", " ,", ",,", ""];

    private static void AssertSame(byte[] line)
    {
        var fast = new EventsJsonlLineParser(Areas).Parse(line, out var fastError);
        var general = new EventsJsonlLineParser(Areas).ParseGeneral(line, out var generalError);

        Assert.Equal(general, fast);
        Assert.Equal(generalError, fastError);
    }

    [Theory]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.bedroom_ceiling","state":"on","old_state":"off","area":"bedroom","context":{"user_id":null,"parent_id":null}}""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on","origin":"automation","context":{"user_id":"u1","parent_id":"p1"},"attributes":{"brightness":254,"list":[1,{"a":null}]}}""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"unavailable"}""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on"} """)]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on"}{}""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on","attributes":{"a":[1,2}}""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","time":"2025-10-13T05:31:07.120Z","entity_id":"light.kitchen","state":"on","context":{"user_id":"u"},"context":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on","context":""")]
    [InlineData("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on",}""")]
    public void Known_lines_read_the_same_on_both_paths(string line)
    {
        AssertSame(Encoding.UTF8.GetBytes(line));
    }

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    public void Deep_attributes_are_accepted_or_refused_the_same_way(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        AssertSame(Encoding.UTF8.GetBytes($$"""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on","attributes":{{nested}}}"""));
    }

    [Fact]
    public void Invalid_utf8_anywhere_reads_the_same_on_both_paths()
    {
        var line = Encoding.UTF8.GetBytes("""{"time":"2025-10-13T04:31:07.120Z","entity_id":"light.kitchen","state":"on","old_state":"off","area":"bedroom","context":{"user_id":"u","parent_id":"p"},"x":"y"}""");
        for (var i = 0; i < line.Length; i++)
        {
            foreach (var bad in new byte[] { 0xFF, 0xC3, 0x80, 0x00, 0x0A })
            {
                var copy = (byte[])line.Clone();
                copy[i] = bad;
                AssertSame(copy);
            }
        }
    }

    /// <summary>Lines assembled from HA-like members, odd values, whitespace and stray separators, sometimes cut short.</summary>
    [Property(MaxTest = 3000)]
    public Property Any_line_reads_the_same_on_both_paths()
    {
        var member = from key in Gen.Elements(Keys) from value in Gen.Elements(Values) select $"\"{key}\":{value}";
        var line = from members in Gen.ListOf(member)
                   from separator in Gen.Elements(Separators)
                   from cut in Gen.Choose(0, 400)
                   let text = "{" + string.Join(separator, members) + "}"
                   select cut < text.Length && cut % 5 == 0 ? text[..cut] : text;
        return Prop.ForAll(line.ToArbitrary(), (string text) => AssertSame(Encoding.UTF8.GetBytes(text)));
    }
}
