using System.Text.Json;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// The document <c>analyze --json</c> writes:
/// <c>{"home":{..},"window":{"from","to","events"},"patterns":[..],"suggestions":[..],"timings_ms":{..}}</c>,
/// plus <c>"input"</c> when the reader's counts are given, and <c>"home_assistant"</c> with <c>"already_automated"</c>
/// when Home Assistant's automations were checked. Fields may be added here, never renamed.
/// </summary>
public static class AnalysisResultJson
{
    /// <param name="writer">Where the document goes.</param>
    /// <param name="home">The home analysed.</param>
    /// <param name="from">Window start (inclusive).</param>
    /// <param name="to">Window end (exclusive).</param>
    /// <param name="events">Events analysed.</param>
    /// <param name="patterns">The patterns found.</param>
    /// <param name="suggestions">The suggestions made, best first.</param>
    /// <param name="timingsMs">Phase → wall time in ms, in order; <c>load</c>, <c>detect</c> and <c>total</c> are expected.</param>
    /// <param name="input">What reading the events file met, when it was read from a file.</param>
    /// <param name="automations">The check against Home Assistant's automations, when they were read.</param>
    public static void Write(
        Utf8JsonWriter writer,
        HomeProfile home,
        DateTimeOffset from,
        DateTimeOffset to,
        int events,
        IReadOnlyList<Pattern> patterns,
        IReadOnlyList<Suggestion> suggestions,
        IReadOnlyList<KeyValuePair<string, double>> timingsMs,
        AnalysisInputCounts? input = null,
        CheckedAgainstHomeAssistant? automations = null)
    {
        writer.WriteStartObject();

        writer.WriteStartObject("home");
        writer.WriteString("name", home.Name);
        writer.WriteString("time_zone", home.TimeZoneId);
        WriteOptionalNumber(writer, "latitude", home.Latitude);
        WriteOptionalNumber(writer, "longitude", home.Longitude);
        JsonFields.WriteStrings(writer, "areas", home.Areas);
        writer.WriteEndObject();

        writer.WriteStartObject("window");
        writer.WriteString("from", IsoUtc.Format(from));
        writer.WriteString("to", IsoUtc.Format(to));
        writer.WriteNumber("events", events);
        writer.WriteEndObject();

        if (input is not null)
        {
            writer.WriteStartObject("input");
            writer.WriteNumber("lines_read", input.LinesRead);
            writer.WriteNumber("skipped_lines", input.SkippedLines);
            writer.WriteNumber("duplicates", input.Duplicates);
            writer.WriteNumber("out_of_order", input.OutOfOrder);
            writer.WriteNumber("outside_window", input.OutsideWindow);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("patterns");
        foreach (var pattern in patterns)
        {
            PatternJson.Write(writer, pattern);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("suggestions");
        foreach (var suggestion in suggestions)
        {
            SuggestionJson.Write(writer, suggestion);
        }

        writer.WriteEndArray();

        if (automations is not null)
        {
            HomeAssistantCheckJson.Write(writer, automations.Check);
            writer.WriteStartArray("already_automated");
            foreach (var dropped in automations.AlreadyAutomated)
            {
                writer.WriteStartObject();
                writer.WriteString("title", dropped.Title);
                writer.WriteString("automation", dropped.Automation);
                writer.WriteString("why", dropped.Why);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("timings_ms");
        foreach (var (phase, ms) in timingsMs)
        {
            writer.WriteNumber(phase, Math.Round(ms, 3));
        }

        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
