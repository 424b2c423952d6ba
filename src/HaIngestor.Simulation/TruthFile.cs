using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Detection.Evaluation;

namespace HaIngestor.Simulation;

/// <summary>
/// <c>truth.json</c>: what was planted, for scoring detected patterns. Shape:
/// <c>{"home","time_zone","seed","window":{"from","days"},"patterns":[…],"noise":[{"id","entity_id","shape","per_day","from","to"}]}</c>,
/// the patterns as <see cref="TruthJson"/> writes them, every Group A kind (<see cref="PlantedTruth"/>).
/// </summary>
public static class TruthFile
{
    public static void Write(Stream stream, SimulatedHome home, DateTimeOffset startUtc, int days)
    {
        var truth = PlantedTruth.Derive(home, startUtc, days);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = SortedJsonWriter.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteString("home", truth.Home);
        writer.WriteString("time_zone", truth.TimeZone);
        writer.WriteNumber("seed", home.Seed);
        writer.WriteStartObject("window");
        writer.WriteString("from", startUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        writer.WriteNumber("days", days);
        writer.WriteEndObject();
        writer.WriteStartArray("patterns");
        foreach (var entry in truth.Entries)
        {
            TruthJson.WriteEntry(writer, entry);
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
    /// Reads the planted time-of-day routines back. Entries that cannot be read (of any kind) are skipped and
    /// counted in <paramref name="skipped"/>; a document that is not a truth file yields none. Never throws.
    /// </summary>
    public static IReadOnlyList<PlantedRoutine> ReadRoutines(ReadOnlySpan<byte> utf8Json, out int skipped)
    {
        var truth = TruthJson.Read(utf8Json, out skipped);
        return truth is null
            ? []
            : truth.Entries
                .Where(e => e.Details is TimeOfDayTruth)
                .Select(e => (Entry: e, Time: (TimeOfDayTruth)e.Details))
                .Select(x => new PlantedRoutine(
                    PlantedRoutine.TimeOfDay, x.Entry.Source, x.Entry.Entities[0], x.Entry.States[0],
                    new TimeOnly(x.Time.LocalMinuteOfDay / 60, x.Time.LocalMinuteOfDay % 60), x.Time.Days,
                    x.Time.JitterMinutes, x.Time.SkipProbability, x.Entry.Human))
                .ToList();
    }
}
