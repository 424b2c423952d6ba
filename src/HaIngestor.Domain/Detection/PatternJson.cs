using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaIngestor.Domain.Detection;

/// <summary>The JSON form of a pattern (the <c>analyze --json</c> shape), written and read back.</summary>
/// <remarks>
/// The common fields come first, then the fields of the details. A new details record gets one case in
/// <see cref="WriteDetails"/> and one in <see cref="ReadDetails"/>; a type without a case reads back as
/// <see cref="GenericDetails"/>.
/// </remarks>
public static class PatternJson
{
    private static readonly FrozenSet<string> CommonFields =
        new[] { "id", "type", "entities", "states", "occurrences", "confidence", "evidence" }.ToFrozenSet();

    private static readonly FrozenDictionary<string, DayOfWeek> DayByShortName =
        Enum.GetValues<DayOfWeek>().ToFrozenDictionary(DaySelection.ShortName);

    public static void Write(Utf8JsonWriter writer, Pattern pattern)
    {
        writer.WriteStartObject();
        writer.WriteString("id", pattern.Id);
        writer.WriteString("type", pattern.Type);
        JsonFields.WriteStrings(writer, "entities", pattern.Entities);
        JsonFields.WriteStrings(writer, "states", pattern.States);
        writer.WriteNumber("occurrences", pattern.Occurrences);
        writer.WriteNumber("confidence", pattern.Confidence);
        JsonFields.WriteStrings(writer, "evidence", pattern.EvidenceDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        WriteDetails(writer, pattern.Details);
        writer.WriteEndObject();
    }

    /// <summary>Reads a pattern written by <see cref="Write"/>; throws <see cref="JsonException"/> naming the bad field.</summary>
    public static Pattern Read(JsonElement element)
    {
        var type = JsonFields.String(element, "type");
        return new Pattern(
            JsonFields.String(element, "id"),
            type,
            JsonFields.Strings(element, "entities"),
            JsonFields.Strings(element, "states"),
            JsonFields.Int(element, "occurrences"),
            JsonFields.Double(element, "confidence"),
            JsonFields.Strings(element, "evidence").Select(d => JsonFields.Date(d, "evidence")).ToList(),
            ReadDetails(type, element));
    }

    private static void WriteDetails(Utf8JsonWriter writer, PatternDetails details)
    {
        switch (details)
        {
            case TimeOfDayDetails d:
                writer.WriteString("local_time", d.LocalTime);
                writer.WriteNumber("spread_min", d.SpreadMinutes);
                writer.WriteString("days", d.Days.ToString());
                break;
            case CoOccurrenceDetails d:
                writer.WriteNumber("window_s", d.WindowSeconds);
                writer.WriteNumber("support", d.Support);
                writer.WriteNumber("lift", d.Lift);
                break;
            case SequenceDetails d:
                writer.WriteNumber("median_gap_s", d.MedianGapSeconds);
                break;
            case DurationDetails d:
                writer.WriteNumber("median_duration_s", d.MedianDurationSeconds);
                writer.WriteNumber("p25_duration_s", d.P25DurationSeconds);
                writer.WriteNumber("p75_duration_s", d.P75DurationSeconds);
                break;
            case RoomDetails d:
                writer.WriteString("area", d.Area);
                break;
            case AnomalyDetails d:
                writer.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("kind", d.Kind);
                writer.WriteString("description", d.Description);
                break;
            case GenericDetails g:
                foreach (var (name, value) in g.Fields.Where(f => !CommonFields.Contains(f.Key)))
                {
                    writer.WritePropertyName(name);
                    if (value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        value.WriteTo(writer);
                    }
                }

                break;
        }
    }

    private static PatternDetails ReadDetails(string type, JsonElement element) => type switch
    {
        "time_of_day" or "day_type" => new TimeOfDayDetails(
            ParseLocalTime(JsonFields.String(element, "local_time")),
            JsonFields.Double(element, "spread_min"),
            ParseDays(JsonFields.String(element, "days"))),
        CoOccurrenceDetector.TypeName => new CoOccurrenceDetails(
            JsonFields.Double(element, "window_s"),
            JsonFields.Double(element, "support"),
            JsonFields.Double(element, "lift")),
        SequenceDetector.TypeName => new SequenceDetails(JsonFields.Double(element, "median_gap_s")),
        DurationDetector.TypeName => new DurationDetails(
            JsonFields.Double(element, "median_duration_s"),
            JsonFields.Double(element, "p25_duration_s"),
            JsonFields.Double(element, "p75_duration_s")),
        RoomDetector.TypeName => new RoomDetails(JsonFields.String(element, "area")),
        AnomalyDetector.TypeName => new AnomalyDetails(
            JsonFields.Date(JsonFields.String(element, "date"), "date"),
            JsonFields.String(element, "kind"),
            JsonFields.String(element, "description")),
        _ => ReadGeneric(element),
    };

    private static GenericDetails ReadGeneric(JsonElement element)
    {
        var fields = new JsonObject();
        foreach (var property in element.EnumerateObject().Where(p => !CommonFields.Contains(p.Name)))
        {
            fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return new GenericDetails(fields);
    }

    private static int ParseLocalTime(string text)
    {
        if (text.Length == 5 && text[2] == ':'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && hours < 24 && minutes < 60)
        {
            return (hours * 60) + minutes;
        }

        throw new JsonException($"'local_time' holds '{text}', not HH:MM");
    }

    private static DaySelection ParseDays(string text) => text switch
    {
        "all" => DaySelection.All,
        "weekdays" => DaySelection.Weekdays,
        "weekends" => DaySelection.Weekends,
        "" => new DaySelection(new HashSet<DayOfWeek>()),
        _ => new DaySelection(text.Split(',').Select(name => DayByShortName.TryGetValue(name.Trim(), out var day)
            ? day
            : throw new JsonException($"'days' holds '{name}', not one of mon..sun")).ToHashSet()),
    };
}
