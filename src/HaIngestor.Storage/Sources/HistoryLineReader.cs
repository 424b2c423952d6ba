using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Reads events.jsonl with each line's <c>attributes</c>, which device usage needs (brightness, colour, position...)
/// and the analysis reader drops for speed. The state change comes from the analysis reader's own line parser, so an
/// import accepts and rejects exactly the lines <c>analyze</c> does; the attributes are then taken from one
/// <see cref="JsonDocument"/> per line (imports are read once: clarity wins over speed here). A line that does not
/// parse is reported with its 1-based number and skipped, nothing else is lost.
/// </summary>
public static class HistoryLineReader
{
    /// <summary>Yields the lines of <paramref name="utf8"/> in file order.</summary>
    /// <param name="utf8">The events.jsonl content.</param>
    /// <param name="entityAreas">entity_id → area for lines without an area (home.json), or null.</param>
    /// <param name="onBadLine">Told about each skipped line.</param>
    public static IEnumerable<HistoryLine> Read(Stream utf8, IReadOnlyDictionary<string, string>? entityAreas, Action<JsonlLineError> onBadLine)
    {
        var parser = new EventsJsonlLineParser(entityAreas);
        using var text = new StreamReader(utf8, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = Parse(parser, line, out var error);
            if (parsed is null)
            {
                onBadLine(new JsonlLineError(number, error!));
                continue;
            }

            yield return parsed;
        }
    }

    /// <summary>One line, or null with the reason.</summary>
    private static HistoryLine? Parse(EventsJsonlLineParser parser, string line, out string? error)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        if (parser.Parse(bytes, out error) is not { } change)
        {
            return null;
        }

        // The parser has read the whole line as valid JSON: only the attributes' shape can still be wrong.
        using var document = JsonDocument.Parse(bytes);
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("attributes", out var element) && element.ValueKind != JsonValueKind.Null)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                error = $"attributes is {element.ValueKind}, not an object";
                return null;
            }

            try
            {
                foreach (var member in element.EnumerateObject())
                {
                    attributes[member.Name] = member.Value.Clone();
                }
            }
            catch (InvalidOperationException ex)
            {
                // An attribute name with an escaped lone surrogate is valid JSON but cannot be read as text.
                error = $"attributes hold a name that is not valid Unicode ({ex.Message})";
                return null;
            }
        }

        return new HistoryLine(change, attributes);
    }
}
