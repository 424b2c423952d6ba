using System.Text.Json;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Json;

public sealed class AnalysisRunReportHomeAssistantJsonTests
{
    [Fact]
    public void The_home_assistant_check_round_trips_checked_or_not_and_older_reports_have_none()
    {
        var checkedRun = Samples.Run("run-ha", Samples.Start) with { HomeAssistant = new HomeAssistantCheck(true, "rest", 12, 10, 1, 2, null) };
        var notChecked = Samples.Run("run-no", Samples.Start) with { HomeAssistant = HomeAssistantCheck.NotChecked("HomeAssistant:Url is not configured") };
        var older = Samples.Run("run-old", Samples.Start);

        using var written = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, checkedRun));
        var ha = written.RootElement.GetProperty("home_assistant");
        Assert.True(ha.GetProperty("checked").GetBoolean());
        Assert.Equal("rest", ha.GetProperty("source").GetString());
        Assert.Equal(12, ha.GetProperty("automations").GetInt32());
        Assert.Equal(2, ha.GetProperty("already_automated").GetInt32());
        Assert.False(ha.TryGetProperty("reason", out _));

        Assert.Equal(checkedRun.HomeAssistant, JsonRoundTrip.Through(AnalysisRunReportJson.Write, AnalysisRunReportJson.Read, checkedRun).HomeAssistant);
        Assert.Equal(notChecked.HomeAssistant, JsonRoundTrip.Through(AnalysisRunReportJson.Write, AnalysisRunReportJson.Read, notChecked).HomeAssistant);
        using var oldDocument = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, older));
        Assert.False(oldDocument.RootElement.TryGetProperty("home_assistant", out _));
        Assert.Null(AnalysisRunReportJson.Read(oldDocument.RootElement).HomeAssistant);
    }
}
