using System.Globalization;
using System.Text.Json;

namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// Reads <c>truth_adl.json</c>, the labels of a real recording:
/// <c>{"summary":{"&lt;activity&gt;":{"typical_local_start":"HH:mm","start_time_concentration":R,"count":N}},
/// "activities":[{"activity","start","end"}]}</c>. Never throws.
/// </summary>
public static class AdlJson
{
    /// <summary>
    /// The activities of the summary with their labelled intervals. A summary entry or an interval that cannot be
    /// read (missing or mistyped field, an interval ending before it starts) is skipped and told in
    /// <paramref name="skipped"/>; a document that is not such a file gives null and <paramref name="error"/>.
    /// </summary>
    public static IReadOnlyList<AdlActivity>? Read(ReadOnlySpan<byte> utf8Json, out IReadOnlyList<string> skipped, out string? error)
    {
        var problems = new List<string>();
        skipped = problems;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("activities", out var labelled) || labelled.ValueKind != JsonValueKind.Array)
            {
                error = "expected an object with 'summary' (object) and 'activities' (array)";
                return null;
            }

            var intervals = new List<(string Name, DateTimeOffset Start, DateTimeOffset End)>();
            foreach (var element in labelled.EnumerateArray())
            {
                if (Interval(element) is { } interval)
                {
                    intervals.Add(interval);
                }
                else
                {
                    problems.Add($"labelled interval #{intervals.Count + problems.Count} skipped (unreadable, or ending before it starts)");
                }
            }

            var byName = intervals.ToLookup(i => i.Name, i => (i.Start, i.End), StringComparer.Ordinal);
            var activities = new List<AdlActivity>();
            foreach (var entry in summary.EnumerateObject())
            {
                if (Activity(entry.Name, entry.Value, byName) is { } activity)
                {
                    activities.Add(activity);
                }
                else
                {
                    problems.Add($"summary of '{entry.Name}' skipped (unreadable)");
                }
            }

            error = null;
            return activities;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // A string with an escaped lone surrogate is valid JSON but cannot be read as text.
            error = $"holds text that is not valid Unicode ({ex.Message})";
            return null;
        }
    }

    private static AdlActivity? Activity(string name, JsonElement summary, ILookup<string, (DateTimeOffset, DateTimeOffset)> intervals)
    {
        if (summary.ValueKind != JsonValueKind.Object
            || Text(summary, "typical_local_start") is not { } start
            || !TimeOnly.TryParseExact(start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !summary.TryGetProperty("start_time_concentration", out var r) || r.ValueKind != JsonValueKind.Number
            || !r.TryGetDouble(out var concentration) || !double.IsFinite(concentration)
            || !summary.TryGetProperty("count", out var count) || count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out var n))
        {
            return null;
        }

        return new AdlActivity(name, n, (time.Hour * 60) + time.Minute, concentration, intervals[name].ToList());
    }

    private static (string Name, DateTimeOffset Start, DateTimeOffset End)? Interval(JsonElement labelled) =>
        labelled.ValueKind == JsonValueKind.Object
        && Text(labelled, "activity") is { } name
        && Instant(labelled, "start") is { } start
        && Instant(labelled, "end") is { } end
        && end >= start
            ? (name, start, end)
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Instant(JsonElement element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
