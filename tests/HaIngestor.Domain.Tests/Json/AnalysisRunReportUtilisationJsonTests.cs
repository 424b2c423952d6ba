using System.Text.Json;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Json;

public sealed class AnalysisRunReportUtilisationJsonTests
{
    [Fact]
    public void Utilisation_round_trips_and_an_unmeasured_one_is_left_out()
    {
        var measured = Samples.Run("run-u", Samples.Start) with { Utilisation = 0.4375 };
        var unmeasured = Samples.Run("run-n", Samples.Start);

        using var written = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, measured));
        using var without = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, unmeasured));

        Assert.Equal(0.4375, written.RootElement.GetProperty("utilisation").GetDouble());
        Assert.Equal(0.4375, JsonRoundTrip.Through(AnalysisRunReportJson.Write, AnalysisRunReportJson.Read, measured).Utilisation);
        Assert.False(without.RootElement.TryGetProperty("utilisation", out _));
        Assert.Null(AnalysisRunReportJson.Read(without.RootElement).Utilisation);
    }
}
