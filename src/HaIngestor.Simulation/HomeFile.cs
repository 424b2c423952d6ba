using System.Text.Json;

namespace HaIngestor.Simulation;

/// <summary><c>home.json</c> of ARCHITECTURE.md §6: <c>{"name","time_zone","latitude","longitude","areas","entities":[{"entity_id","area"}]}</c>.</summary>
public static class HomeFile
{
    public static void Write(Stream stream, SimulatedHome home)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = SortedJsonWriter.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteString("name", home.Name);
        writer.WriteString("time_zone", home.TimeZoneId);
        writer.WriteNumber("latitude", home.Latitude);
        writer.WriteNumber("longitude", home.Longitude);
        writer.WriteStartArray("areas");
        foreach (var area in home.Areas)
        {
            writer.WriteStringValue(area);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entities");
        foreach (var entity in home.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("entity_id", entity.EntityId);
            if (entity.Area is null)
            {
                writer.WriteNull("area");
            }
            else
            {
                writer.WriteString("area", entity.Area);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
