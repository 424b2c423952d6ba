using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class DayOfWeekSplitTests
{
    // Index 0 = Sunday, as DayOfWeek.
    private static DaySelection Choose(int[] occurrences, int[] eligible) =>
        DayOfWeekSplit.Choose(occurrences, eligible, new TimeOfDaySettings());

    private static readonly int[] FourWeeks = [4, 4, 4, 4, 4, 4, 4];

    [Fact]
    public void Every_day_is_all()
    {
        Assert.Equal(DaySelection.All, Choose([4, 3, 4, 4, 3, 4, 4], FourWeeks));
    }

    [Fact]
    public void Working_days_are_weekdays()
    {
        Assert.Equal(DaySelection.Weekdays, Choose([0, 4, 4, 4, 4, 4, 0], FourWeeks));
        Assert.Equal(DaySelection.Weekdays, Choose([0, 4, 4, 4, 4, 1, 0], FourWeeks));
    }

    [Fact]
    public void Saturday_and_sunday_are_weekends()
    {
        Assert.Equal(DaySelection.Weekends, Choose([4, 0, 0, 0, 0, 0, 4], FourWeeks));
    }

    [Fact]
    public void Some_days_are_named()
    {
        Assert.Equal("mon,wed,fri", Choose([0, 4, 0, 4, 0, 4, 0], FourWeeks).ToString());
    }

    [Fact]
    public void A_patchy_routine_is_not_cut_into_random_days()
    {
        Assert.Equal(DaySelection.All, Choose([2, 3, 1, 2, 3, 2, 2], FourWeeks));
        Assert.Equal(DaySelection.All, Choose([0, 2, 0, 0, 0, 2, 0], FourWeeks));
    }

    [Fact]
    public void One_week_is_too_little_to_tell_weekdays_from_all()
    {
        Assert.Equal(DaySelection.All, Choose([0, 1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1, 1]));
    }

    [Fact]
    public void Days_the_window_never_had_do_not_count_against_a_routine()
    {
        Assert.Equal(DaySelection.All, Choose([0, 3, 3, 3, 3, 3, 0], [0, 3, 3, 3, 3, 3, 0]));
    }
}
