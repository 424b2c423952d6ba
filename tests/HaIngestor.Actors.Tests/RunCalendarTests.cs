using HaIngestor.Actors.Scheduling;

namespace HaIngestor.Actors.Tests;

public class RunCalendarTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private readonly RunCalendar calendar = new(new ScheduleSettings(), Madrid);

    [Fact]
    public void The_daily_run_stays_at_three_local_across_the_spring_change()
    {
        // 2025-03-30: Madrid goes from UTC+1 to UTC+2 at 02:00 local.
        Assert.Equal(DateTimeOffset.Parse("2025-03-29T02:00:00Z"), calendar.Next(RunKinds.Daily, DateTimeOffset.Parse("2025-03-28T12:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2025-03-30T01:00:00Z"), calendar.Next(RunKinds.Daily, DateTimeOffset.Parse("2025-03-29T12:00:00Z")));
    }

    [Fact]
    public void The_daily_run_stays_at_three_local_across_the_autumn_change()
    {
        // 2025-10-26: Madrid goes from UTC+2 back to UTC+1 at 03:00 local.
        Assert.Equal(DateTimeOffset.Parse("2025-10-26T02:00:00Z"), calendar.Next(RunKinds.Daily, DateTimeOffset.Parse("2025-10-25T12:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2025-10-27T02:00:00Z"), calendar.Next(RunKinds.Daily, DateTimeOffset.Parse("2025-10-26T12:00:00Z")));
    }

    [Fact]
    public void A_time_skipped_by_dst_runs_once_at_the_first_valid_instant()
    {
        var at0230 = new RunCalendar(new ScheduleSettings { Daily = "30 2 * * *" }, Madrid);
        Assert.Equal(DateTimeOffset.Parse("2025-03-30T01:00:00Z"), at0230.Next(RunKinds.Daily, DateTimeOffset.Parse("2025-03-29T12:00:00Z")));
    }

    [Fact]
    public void Weekly_and_monthly_runs_follow_their_expressions()
    {
        Assert.Equal(DateTimeOffset.Parse("2025-06-09T01:30:00Z"), calendar.Next(RunKinds.Weekly, DateTimeOffset.Parse("2025-06-04T12:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2025-07-01T02:00:00Z"), calendar.Next(RunKinds.Monthly, DateTimeOffset.Parse("2025-06-04T12:00:00Z")));
    }

    [Fact]
    public void A_missed_daily_run_is_caught_up_and_a_current_one_is_not()
    {
        var now = DateTimeOffset.Parse("2025-06-10T09:00:00Z");
        Assert.True(calendar.IsDailyCatchUpDue(DateTimeOffset.Parse("2025-06-09T01:00:00Z"), now));
        Assert.False(calendar.IsDailyCatchUpDue(DateTimeOffset.Parse("2025-06-10T01:00:05Z"), now));
        Assert.False(calendar.IsDailyCatchUpDue(null, now));
    }

    [Fact]
    public void An_invalid_expression_is_reported_and_not_scheduled()
    {
        var broken = new RunCalendar(new ScheduleSettings { Weekly = "every monday" }, Madrid);
        Assert.Single(broken.Errors);
        Assert.DoesNotContain(RunKinds.Weekly, broken.Kinds);
        Assert.Null(broken.Next(RunKinds.Weekly, DateTimeOffset.Parse("2025-06-04T12:00:00Z")));
    }
}
