using System.Text.Json;

namespace HaIngestor.Domain.Detection;

/// <summary>The JSON form of an analysis run record, written and read back.</summary>
public static class AnalysisRunReportJson
{
    public static void Write(Utf8JsonWriter writer, AnalysisRunReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("run_id", report.RunId);
        writer.WriteString("kind", report.Kind);
        writer.WriteString("trigger", report.Trigger);
        writer.WriteString("started_at", IsoUtc.Format(report.StartedAt));
        writer.WriteString("finished_at", IsoUtc.Format(report.FinishedAt));
        writer.WriteStartObject("window");
        writer.WriteString("from", IsoUtc.Format(report.WindowStart));
        writer.WriteString("to", IsoUtc.Format(report.WindowEnd));
        writer.WriteEndObject();
        writer.WriteString("status", StatusName(report.Status));
        writer.WriteStartObject("phase_ms");
        foreach (var (phase, ms) in report.PhaseMilliseconds)
        {
            writer.WriteNumber(phase, ms);
        }

        writer.WriteEndObject();
        writer.WriteNumber("events", report.EventCount);
        writer.WriteNumber("patterns", report.PatternCount);
        writer.WriteNumber("suggestions", report.SuggestionCount);
        if (report.Utilisation is { } utilisation)
        {
            writer.WriteNumber("utilisation", Math.Round(utilisation, 4));
        }

        if (report.AggregateDays is { } days)
        {
            writer.WriteStartObject("l2_days");
            writer.WriteNumber("aggregated", days.Aggregated);
            writer.WriteNumber("rebuilt", days.Rebuilt);
            writer.WriteNumber("from_aggregates", days.FromStore);
            writer.WriteStartArray("unavailable");
            foreach (var date in days.Unavailable)
            {
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("failures");
        foreach (var (name, error) in report.Failures)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("error", error);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.HomeAssistant is { } check)
        {
            HomeAssistantCheckJson.Write(writer, check);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a report written by <see cref="Write"/> (<c>utilisation</c> is absent when not measured); throws <see cref="JsonException"/> naming the bad field.</summary>
    public static AnalysisRunReport Read(JsonElement element)
    {
        var window = JsonFields.Required(element, "window", JsonValueKind.Object);
        return new AnalysisRunReport(
            JsonFields.String(element, "run_id"),
            JsonFields.String(element, "kind"),
            JsonFields.String(element, "trigger"),
            JsonFields.Instant(element, "started_at"),
            JsonFields.Instant(element, "finished_at"),
            JsonFields.Instant(window, "from"),
            JsonFields.Instant(window, "to"),
            ParseStatus(JsonFields.String(element, "status")),
            JsonFields.Required(element, "phase_ms", JsonValueKind.Object).EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, p.Value.TryGetInt64(out var ms) ? ms : throw new JsonException($"phase '{p.Name}' has no integer ms")))
                .ToList(),
            JsonFields.Int(element, "events"),
            JsonFields.Int(element, "patterns"),
            JsonFields.Int(element, "suggestions"),
            JsonFields.Required(element, "failures", JsonValueKind.Array).EnumerateArray()
                .Select(f => KeyValuePair.Create(JsonFields.String(f, "name"), JsonFields.String(f, "error")))
                .ToList(),
            JsonFields.OptionalDouble(element, "utilisation"),
            element.TryGetProperty("home_assistant", out var check) ? HomeAssistantCheckJson.Read(check) : null,
            ReadAggregateDays(element));
    }

    private static AggregateDayCounts? ReadAggregateDays(JsonElement element)
    {
        if (!element.TryGetProperty("l2_days", out var days) || days.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return new AggregateDayCounts(
            JsonFields.Int(days, "aggregated"),
            JsonFields.Int(days, "rebuilt"),
            JsonFields.Int(days, "from_aggregates"),
            JsonFields.Required(days, "unavailable", JsonValueKind.Array).EnumerateArray()
                .Select(d => DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                    ? date
                    : throw new JsonException($"l2_days.unavailable holds '{d}', not a yyyy-MM-dd date"))
                .ToList());
    }

    public static string StatusName(AnalysisRunStatus status) => status switch
    {
        AnalysisRunStatus.Completed => "completed",
        AnalysisRunStatus.Partial => "partial",
        AnalysisRunStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown run status"),
    };

    private static AnalysisRunStatus ParseStatus(string text) => text switch
    {
        "completed" => AnalysisRunStatus.Completed,
        "partial" => AnalysisRunStatus.Partial,
        "failed" => AnalysisRunStatus.Failed,
        _ => throw new JsonException($"'status' holds '{text}', not completed|partial|failed"),
    };
}
