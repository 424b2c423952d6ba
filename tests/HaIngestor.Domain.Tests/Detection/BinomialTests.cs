using FsCheck.Xunit;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Detection;

public sealed class BinomialTests
{
    [Fact]
    public void Known_values()
    {
        Assert.Equal(1.0 / 1024, Binomial.AtMost(0, 10, 0.5), 12);
        Assert.Equal(11.0 / 1024, Binomial.AtLeast(9, 10, 0.5), 12);
        Assert.Equal(1.0, Binomial.AtLeast(0, 10, 0.3), 12);
        Assert.Equal(0.0, Binomial.AtLeast(11, 10, 0.3), 12);
        Assert.Equal(1.0, Binomial.AtMost(0, 10, 0.0), 12);
        Assert.Equal(0.0, Binomial.AtMost(9, 10, 1.0), 12);
    }

    [Fact]
    public void Long_windows_neither_underflow_nor_overflow()
    {
        var tail = Binomial.AtLeast(900, 3650, 0.1);

        Assert.InRange(tail, double.Epsilon, 1e-100);
        Assert.Equal(1.0, Binomial.AtMost(3650, 3650, 0.9), 9);
        Assert.InRange(Binomial.AtMost(3285, 3650, 0.9), 0.5, 0.52);
    }

    [Property(MaxTest = 300)]
    public bool The_two_tails_add_up_to_one(byte rawN, byte rawK, byte rawP)
    {
        var n = rawN % 200;
        var k = n == 0 ? 0 : rawK % (n + 1);
        var p = (rawP % 99 + 1) / 100.0;

        return Math.Abs(Binomial.AtMost(k - 1, n, p) + Binomial.AtLeast(k, n, p) - 1) < 1e-9;
    }
}
