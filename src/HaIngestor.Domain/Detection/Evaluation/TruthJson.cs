using System.Globalization;
using System.Text.Json;

namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// The truth entries as JSON (the <c>patterns</c> array of <c>truth.json</c>). Every entry has
/// <c>kind, activity, entity_id, state, entities, states, human, required</c>, then its kind's fields:
/// time_of_day <c>local_time, days, jitter_min, skip_probability</c>; co_occurrence <c>window_s, gap_s,
/// expected_confidence</c>; sequence <c>max_gap_s</c>; duration <c>median_s, p25_s, p75_s</c>; room
/// <c>area</c>; anomaly <c>date, anomaly_kind</c>.
/// </summary>
public static class TruthJson
{
    public static void WriteEntry(Utf8JsonWriter writer, TruthEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", entry.Kind);
        writer.WriteString("activity", entry.Source);
        writer.WriteString("entity_id", entry.Entities.Count > 0 ? entry.Entities[0] : "");
        writer.WriteString("state", entry.States.Count > 0 ? entry.States[0] : "");
        JsonFields.WriteStrings(writer, "entities", entry.Entities);
        JsonFields.WriteStrings(writer, "states", entry.States);
        writer.WriteBoolean("human", entry.Human);
        writer.WriteBoolean("required", entry.Required);
        switch (entry.Details)
        {
            case TimeOfDayTruth t:
                writer.WriteString("local_time", string.Create(CultureInfo.InvariantCulture, $"{t.LocalMinuteOfDay / 60:00}:{t.LocalMinuteOfDay % 60:00}"));
                writer.WriteString("days", t.Days.ToString());
                writer.WriteNumber("jitter_min", t.JitterMinutes);
                writer.WriteNumber("skip_probability", t.SkipProbability);
                break;
            case CoOccurrenceTruth c:
                writer.WriteNumber("window_s", c.WindowSeconds);
                writer.WriteNumber("gap_s", c.GapSeconds);
                writer.WriteNumber("expected_confidence", c.ExpectedConfidence);
                break;
            case SequenceTruth s:
                writer.WriteNumber("max_gap_s", s.MaxGapSeconds);
                break;
            case DurationTruth d:
                writer.WriteNumber("median_s", d.MedianSeconds);
                writer.WriteNumber("p25_s", d.P25Seconds);
                writer.WriteNumber("p75_s", d.P75Seconds);
                break;
            case RoomTruth r:
                writer.WriteString("area", r.Area);
                break;
            case AnomalyTruth a:
                writer.WriteString("date", a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteString("anomaly_kind", a.AnomalyKind);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads a truth document (<c>{"home","time_zone","seed","patterns":[…]}</c>). Entries that cannot be read
    /// (unknown kind, missing or mistyped field) are skipped and counted; a document that is not a truth
    /// file gives null. Never throws.
    /// </summary>
    public static TruthSet? Read(ReadOnlySpan<byte> utf8Json, out int skipped)
    {
        skipped = 0;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return null;
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("patterns", out var patterns)
                || patterns.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var entries = new List<TruthEntry>();
            foreach (var element in patterns.EnumerateArray())
            {
                if (TryReadEntry(element) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    skipped++;
                }
            }

            int? seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : null;
            return new TruthSet(JsonFields.OptionalString(root, "home") ?? "", JsonFields.OptionalString(root, "time_zone") ?? "", seed, entries);
        }
    }

    /// <summary>One entry, or null when it cannot be read.</summary>
    public static TruthEntry? TryReadEntry(JsonElement element)
    {
        try
        {
            var kind = JsonFields.String(element, "kind");
            var details = ReadDetails(kind, element);
            if (details is null)
            {
                return null;
            }

            var (entities, states) = element.TryGetProperty("entities", out _)
                ? (JsonFields.Strings(element, "entities"), JsonFields.Strings(element, "states"))
                : ([JsonFields.String(element, "entity_id")], [JsonFields.String(element, "state")]);
            if (entities.Count == 0 || entities.Count != states.Count)
            {
                return null;
            }

            var required = !element.TryGetProperty("required", out var r) || r.ValueKind != JsonValueKind.False;
            return new TruthEntry(
                kind,
                JsonFields.OptionalString(element, "activity") ?? "",
                entities,
                states,
                JsonFields.Required(element, "human", JsonValueKind.True).GetBoolean(),
                required,
                details);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static TruthDetails? ReadDetails(string kind, JsonElement e) => kind switch
    {
        TimeOfDayDetector.TypeName => TimeOnly.TryParseExact(JsonFields.String(e, "local_time"), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && DaySelection.TryParse(JsonFields.String(e, "days"), out var days)
                ? new TimeOfDayTruth((time.Hour * 60) + time.Minute, days, JsonFields.Double(e, "jitter_min"), JsonFields.Double(e, "skip_probability"))
                : null,
        CoOccurrenceDetector.TypeName => new CoOccurrenceTruth(JsonFields.Double(e, "window_s"), JsonFields.Double(e, "gap_s"), JsonFields.Double(e, "expected_confidence")),
        SequenceDetector.TypeName => new SequenceTruth(JsonFields.Double(e, "max_gap_s")),
        DurationDetector.TypeName => new DurationTruth(JsonFields.Double(e, "median_s"), JsonFields.Double(e, "p25_s"), JsonFields.Double(e, "p75_s")),
        RoomDetector.TypeName => new RoomTruth(JsonFields.String(e, "area")),
        AnomalyDetector.TypeName => new AnomalyTruth(JsonFields.Date(JsonFields.String(e, "date"), "date"), JsonFields.String(e, "anomaly_kind")),
        _ => null,
    };
}
