using FsCheck.Xunit;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Time;

public sealed class CircularTimeTests
{
    [Theory]
    [InlineData(1435, 5, 10)]
    [InlineData(5, 1435, -10)]
    [InlineData(0, 720, -720)]
    [InlineData(600, 660, 60)]
    public void The_difference_takes_the_short_way_round(int from, int to, int expected)
    {
        Assert.Equal(expected, CircularTime.Difference(from, to));
        Assert.Equal(expected, CircularTime.Difference((double)from, to), 9);
    }

    [Fact]
    public void Times_around_midnight_average_to_midnight()
    {
        var (mean, spread) = CircularTime.MeanAndSpread([1435, 5, 1430, 10]);

        Assert.InRange(CircularTime.Difference(0, mean), -1e-6, 1e-6);
        Assert.InRange(spread, 7, 8.5);
    }

    [Fact]
    public void Identical_times_have_no_spread_and_opposite_times_have_no_mean()
    {
        Assert.Equal((420.0, 0.0), CircularTime.MeanAndSpread([420, 420, 420]));
        Assert.True(double.IsNaN(CircularTime.MeanAndSpread([0, 720]).Mean));
        Assert.True(double.IsNaN(CircularTime.MeanAndSpread([]).Mean));
    }

    [Property(MaxTest = 300)]
    public bool Shifting_every_time_shifts_the_mean_and_keeps_the_spread(int[] raw, int rawShift)
    {
        var minutes = (raw ?? []).Select(m => (double)(((m % 90) + 90) % 90 + 600)).ToArray();
        if (minutes.Length == 0)
        {
            return true;
        }

        var shift = ((rawShift % 1440) + 1440) % 1440;
        var (mean, spread) = CircularTime.MeanAndSpread(minutes);
        var (shiftedMean, shiftedSpread) = CircularTime.MeanAndSpread(minutes.Select(m => CircularTime.Normalise(m + shift)).ToArray());

        return Math.Abs(CircularTime.Difference(CircularTime.Normalise(mean + shift), shiftedMean)) < 1e-6
            && Math.Abs(spread - shiftedSpread) < 1e-3
            && shiftedMean is >= 0 and < 1440;
    }

    [Property]
    public bool The_difference_is_in_range_and_antisymmetric_except_at_half_a_day(int a, int b)
    {
        var from = ((a % 1440) + 1440) % 1440;
        var to = ((b % 1440) + 1440) % 1440;
        var d = CircularTime.Difference(from, to);

        return d is >= -720 and < 720
            && ((from + d + 1440) % 1440 == to)
            && (Math.Abs(d) == 720 || CircularTime.Difference(to, from) == -d);
    }
}
