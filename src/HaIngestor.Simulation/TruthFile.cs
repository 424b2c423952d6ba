using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Simulation;

/// <summary>
/// <c>truth.json</c>: what was planted, for scoring detected patterns. Shape:
/// <c>{"home","time_zone","seed","patterns":[{"kind","activity","entity_id","state","local_time":"HH:MM",
/// "days":"all|weekdays|weekends|mon,..","jitter_min","skip_probability","human"}],
/// "noise":[{"id","entity_id","shape","per_day","from","to"}]}</c>.
/// </summary>
public static class TruthFile
{
    public static void Write(Stream stream, SimulatedHome home)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = SortedJsonWriter.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteString("home", home.Name);
        writer.WriteString("time_zone", home.TimeZoneId);
        writer.WriteNumber("seed", home.Seed);
        writer.WriteStartArray("patterns");
        foreach (var routine in home.Routines)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", routine.Kind);
            writer.WriteString("activity", routine.ActivityId);
            writer.WriteString("entity_id", routine.EntityId);
            writer.WriteString("state", routine.State);
            writer.WriteString("local_time", routine.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture));
            writer.WriteString("days", routine.Days.ToString());
            writer.WriteNumber("jitter_min", routine.JitterMinutes);
            writer.WriteNumber("skip_probability", routine.SkipProbability);
            writer.WriteBoolean("human", routine.Human);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("noise");
        foreach (var noise in home.Noise)
        {
            writer.WriteStartObject();
            writer.WriteString("id", noise.Id);
            writer.WriteString("entity_id", noise.EntityId);
            writer.WriteString("shape", noise.Shape == NoiseShape.Session ? "session" : "press");
            writer.WriteNumber("per_day", noise.PerDay);
            writer.WriteString("from", noise.From.ToString("HH:mm", CultureInfo.InvariantCulture));
            writer.WriteString("to", noise.To.ToString("HH:mm", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads the planted time-of-day routines back. Entries of other kinds, and entries that cannot be read, are
    /// skipped and counted in <paramref name="skipped"/>; a document that is not a truth file yields none. Never throws.
    /// </summary>
    public static IReadOnlyList<PlantedRoutine> ReadRoutines(ReadOnlySpan<byte> utf8Json, out int skipped)
    {
        skipped = 0;
        var routines = new List<PlantedRoutine>();
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return routines;
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return routines;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("patterns", out var patterns)
                || patterns.ValueKind != JsonValueKind.Array)
            {
                return routines;
            }

            foreach (var entry in patterns.EnumerateArray())
            {
                if (TryReadRoutine(entry, out var routine))
                {
                    routines.Add(routine);
                }
                else
                {
                    skipped++;
                }
            }
        }

        return routines;
    }

    private static bool TryReadRoutine(JsonElement entry, out PlantedRoutine routine)
    {
        routine = null!;
        if (entry.ValueKind != JsonValueKind.Object
            || Text(entry, "kind") != PlantedRoutine.TimeOfDay
            || Text(entry, "entity_id") is not { } entityId
            || Text(entry, "state") is not { } state
            || !TimeOnly.TryParseExact(Text(entry, "local_time"), "HH:mm", out var localTime)
            || ParseDays(Text(entry, "days")) is not { } days
            || Number(entry, "jitter_min") is not { } jitter
            || Number(entry, "skip_probability") is not { } skip
            || !entry.TryGetProperty("human", out var human)
            || human.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        routine = new PlantedRoutine(PlantedRoutine.TimeOfDay, Text(entry, "activity") ?? "", entityId, state, localTime, days, jitter, skip, human.GetBoolean());
        return true;
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static DaySelection? ParseDays(string? text)
    {
        switch (text)
        {
            case null:
                return null;
            case "all":
                return DaySelection.All;
            case "weekdays":
                return DaySelection.Weekdays;
            case "weekends":
                return DaySelection.Weekends;
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var name in text.Split(','))
        {
            var match = Enum.GetValues<DayOfWeek>().Where(d => DaySelection.ShortName(d) == name.Trim()).ToList();
            if (match.Count != 1)
            {
                return null;
            }

            days.Add(match[0]);
        }

        return days.Count > 0 ? new DaySelection(days) : null;
    }
}
