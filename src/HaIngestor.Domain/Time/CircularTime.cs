namespace HaIngestor.Domain.Time;

/// <summary>Statistics on the 24-hour circle: 23:55 and 00:05 are ten minutes apart, and their mean is 00:00.</summary>
public static class CircularTime
{
    public const int MinutesPerDay = HomeCalendar.MinutesPerDay;

    private const double RadiansPerMinute = 2 * Math.PI / MinutesPerDay;

    /// <summary>The signed shortest way from <paramref name="from"/> to <paramref name="to"/>, minutes in [-720, 720).</summary>
    public static double Difference(double from, double to)
    {
        var d = (to - from) % MinutesPerDay;
        if (d < -MinutesPerDay / 2)
        {
            d += MinutesPerDay;
        }
        else if (d >= MinutesPerDay / 2)
        {
            d -= MinutesPerDay;
        }

        return d;
    }

    /// <summary>The signed shortest way between two whole minutes of the day (both in [0, 1440)), in [-720, 720).</summary>
    public static int Difference(int from, int to)
    {
        var d = to - from;
        return d < -MinutesPerDay / 2 ? d + MinutesPerDay : d >= MinutesPerDay / 2 ? d - MinutesPerDay : d;
    }

    /// <summary>The minute of the day in [0, 1440).</summary>
    public static double Normalise(double minute)
    {
        var m = minute % MinutesPerDay;
        if (m < 0)
        {
            m += MinutesPerDay;
        }

        return m >= MinutesPerDay ? 0 : m;
    }

    /// <summary>
    /// Circular mean (minute of day) and circular standard deviation (minutes, <c>sqrt(-2 ln R)</c>) of
    /// <paramref name="minutes"/>; (NaN, NaN) when empty or when the times cancel out exactly.
    /// </summary>
    public static (double Mean, double Spread) MeanAndSpread(ReadOnlySpan<double> minutes)
    {
        if (minutes.IsEmpty)
        {
            return (double.NaN, double.NaN);
        }

        double sin = 0, cos = 0;
        foreach (var m in minutes)
        {
            var angle = m * RadiansPerMinute;
            sin += Math.Sin(angle);
            cos += Math.Cos(angle);
        }

        var length = Math.Sqrt(sin * sin + cos * cos) / minutes.Length;
        if (length < 1e-12)
        {
            return (double.NaN, double.NaN);
        }

        var mean = Normalise(Math.Atan2(sin, cos) / RadiansPerMinute);
        // Rounding leaves identical times a hair short of length 1, which the square root would magnify.
        var spread = length >= 1 - 1e-12 ? 0 : Math.Sqrt(-2 * Math.Log(length)) / RadiansPerMinute;
        return (mean, spread);
    }
}
