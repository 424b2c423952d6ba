using System.Text;
using HaIngestor.Domain.Events;
using HaIngestor.Storage.Sources;

namespace HaIngestor.Domain.Tests.Storage;

public sealed class HistoryLineReaderTests
{
    private static (List<HistoryLine> Lines, List<JsonlLineError> Errors) Read(params string[] lines)
    {
        var errors = new List<JsonlLineError>();
        var read = HistoryLineReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), null, errors.Add).ToList();
        return (read, errors);
    }

    [Fact]
    public void Lines_keep_their_attributes_and_a_line_whose_attributes_are_no_object_is_skipped_with_its_number()
    {
        var (lines, errors) = Read(
            """{"time":"2025-01-10T18:00:00Z","entity_id":"light.hall","state":"on","attributes":{"brightness":200,"color":{"x":0.3}}}""",
            """{"time":"2025-01-10T18:01:00Z","entity_id":"light.hall","state":"on","attributes":[1]}""",
            """{"time":"2025-01-10T18:02:00Z","entity_id":"light.hall","state":"off","attributes":null}""");

        Assert.Equal(["on", "off"], lines.Select(l => l.Change.State));
        Assert.Equal(200, lines[0].Attributes["brightness"].GetInt32());
        Assert.Empty(lines[1].Attributes);
        Assert.Equal(2, Assert.Single(errors).LineNumber);
    }

    [Fact]
    public void An_attribute_name_that_is_not_valid_text_skips_that_line_only()
    {
        var (lines, errors) = Read(
            """{"time":"2025-01-10T18:00:00Z","entity_id":"light.hall","state":"on","attributes":{"\ud800":1}}""",
            """{"time":"2025-01-10T18:01:00Z","entity_id":"light.hall","state":"off","attributes":{"brightness":3}}""");

        Assert.Equal("off", Assert.Single(lines).Change.State);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("not valid Unicode", error.Reason);
    }
}
