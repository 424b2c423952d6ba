using System.Text.Json;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Json;

public sealed class AnalysisRunReportJsonTests
{
    [Theory]
    [InlineData(AnalysisRunStatus.Completed, "completed")]
    [InlineData(AnalysisRunStatus.Partial, "partial")]
    [InlineData(AnalysisRunStatus.Failed, "failed")]
    public void Report_is_written_with_snake_case_keys_and_utc_times(AnalysisRunStatus status, string statusName)
    {
        using var document = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, Samples.Run("run-1", Samples.Start, status)));
        var root = document.RootElement;

        Assert.Equal(
            ["run_id", "kind", "trigger", "started_at", "finished_at", "window", "status", "phase_ms", "events", "patterns", "suggestions", "failures"],
            JsonRoundTrip.Keys(root));
        Assert.Equal("2025-10-13T03:00:00.000Z", root.GetProperty("started_at").GetString());
        Assert.Equal("2025-10-13T03:00:04.250Z", root.GetProperty("finished_at").GetString());
        Assert.Equal("2025-10-12T03:00:00.000Z", root.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal(statusName, root.GetProperty("status").GetString());
        Assert.Equal(["capabilities", "fetch", "detect"], JsonRoundTrip.Keys(root.GetProperty("phase_ms")));
        Assert.Equal(900, root.GetProperty("phase_ms").GetProperty("detect").GetInt64());
    }

    [Theory]
    [InlineData(AnalysisRunStatus.Completed)]
    [InlineData(AnalysisRunStatus.Partial)]
    [InlineData(AnalysisRunStatus.Failed)]
    public void Report_round_trips(AnalysisRunStatus status)
    {
        var original = Samples.Run("run-7", Samples.Start, status);

        Samples.AssertSame(original, JsonRoundTrip.Through(AnalysisRunReportJson.Write, AnalysisRunReportJson.Read, original));
    }

    [Fact]
    public void Times_in_another_offset_or_below_a_millisecond_come_back_as_the_same_instant()
    {
        var started = new DateTimeOffset(2025, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234);
        var original = Samples.Run("run-8", started);

        var back = JsonRoundTrip.Through(AnalysisRunReportJson.Write, AnalysisRunReportJson.Read, original);

        Assert.Equal(started.UtcTicks, back.StartedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, back.StartedAt.Offset);
    }

    [Fact]
    public void Failures_keep_name_and_error()
    {
        using var document = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, Samples.Run("run-2", Samples.Start, AnalysisRunStatus.Partial)));
        var failure = Assert.Single(document.RootElement.GetProperty("failures").EnumerateArray());

        Assert.Equal("co_occurrence", failure.GetProperty("name").GetString());
        Assert.Equal("timed out after 30 s", failure.GetProperty("error").GetString());
    }

    [Fact]
    public void L2_day_counts_are_written_and_read_back()
    {
        var original = Samples.Run("run-9", Samples.Start) with
        {
            AggregateDays = new AggregateDayCounts(1, 6, 29, [new DateOnly(2025, 9, 14), new DateOnly(2025, 9, 15)]),
        };

        using var document = JsonDocument.Parse(JsonRoundTrip.Write(AnalysisRunReportJson.Write, original));
        var back = JsonRoundTrip.Through(AnalysisRunReportJson.Write, AnalysisRunReportJson.Read, original);

        var days = document.RootElement.GetProperty("l2_days");
        Assert.Equal(["aggregated", "rebuilt", "from_aggregates", "unavailable"], JsonRoundTrip.Keys(days));
        Assert.Equal(["2025-09-14", "2025-09-15"], days.GetProperty("unavailable").EnumerateArray().Select(d => d.GetString()));
        Assert.NotNull(back.AggregateDays);
        Assert.Equal((1, 6, 29), (back.AggregateDays.Aggregated, back.AggregateDays.Rebuilt, back.AggregateDays.FromStore));
        Assert.Equal(original.AggregateDays.Unavailable, back.AggregateDays.Unavailable);
    }
}
