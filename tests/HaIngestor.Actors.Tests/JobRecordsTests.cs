using HaIngestor.Actors.Protocol;
using HaIngestor.Actors.Scheduling;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Tests;

public sealed class JobRecordsTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 10, 1, 0, 0, TimeSpan.Zero);

    private static AnalysisRunReport Report(AggregateDayCounts? days) => new(
        "r1", "daily", "schedule", Start, Start.AddSeconds(3), Start.AddDays(-30), Start, AnalysisRunStatus.Completed,
        [KeyValuePair.Create("fetch", 12L)], 1000, 5, 2, [], 0.5, AggregateDays: days);

    [Fact]
    public void The_persisted_record_keeps_how_the_run_got_its_days_from_L2()
    {
        var days = new AggregateDayCounts(1, 7, 30, [new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 13)]);

        var back = JobRecords.ToReport(JobRecords.ToRecord(Report(days)));

        Assert.NotNull(back.AggregateDays);
        Assert.Equal((1, 7, 30), (back.AggregateDays.Aggregated, back.AggregateDays.Rebuilt, back.AggregateDays.FromStore));
        Assert.Equal(days.Unavailable, back.AggregateDays.Unavailable);
        Assert.Null(JobRecords.ToReport(JobRecords.ToRecord(Report(null))).AggregateDays);
    }

    [Fact]
    public void A_record_written_before_the_day_counts_reads_without_them()
    {
        var old = new JobRecorded("r0", "daily", "schedule", 0, 1, 0, 1, "Completed", [], [], 1, 0, 0, [], []);

        Assert.Null(JobRecords.ToReport(old).AggregateDays);
    }
}
