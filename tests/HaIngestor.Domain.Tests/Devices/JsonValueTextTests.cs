using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class JsonValueTextTests
{
    [Theory]
    [InlineData("\"ON\"", "ON")]
    [InlineData("\"Sal\\u00f3n \\\"x\\\"\"", "Salón \"x\"")]
    [InlineData("21.5", "21.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-0.125", "-0.125")]
    [InlineData("true", "true")]
    [InlineData("[1,2]", "[1,2]")]
    [InlineData("not json", "not json")]
    [InlineData("", "")]
    public void Plain_text_is_what_home_assistant_shows(string json, string plain) =>
        Assert.Equal(plain, JsonValueText.ToPlain(json));

    [Fact]
    public void Json_null_has_no_plain_text() => Assert.Null(JsonValueText.ToPlain("null"));

    [Fact]
    public void Quote_escapes_only_what_json_requires() =>
        Assert.Equal("\"é \\\"q\\\" \\\\ \\n \\u0001\"", JsonValueText.Quote("é \"q\" \\ \n \u0001"));
}
