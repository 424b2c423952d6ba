using System.Text.Json;

namespace HaIngestor.Domain.Detection;

/// <summary>The JSON form of an analysis run record, written and read back.</summary>
public static class AnalysisRunReportJson
{
    public static void Write(Utf8JsonWriter writer, AnalysisRunReport report) =>
        throw new NotImplementedException("being written on branch storage");

    public static AnalysisRunReport Read(JsonElement element) =>
        throw new NotImplementedException("being written on branch storage");
}
