namespace HaIngestor.Domain.Detection;

/// <summary>Order statistics over sorted samples (linear interpolation between ranks).</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="q"/>-quantile (0..1) of <paramref name="sorted"/>, which must be ascending and non-empty.</summary>
    public static double Of(ReadOnlySpan<double> sorted, double q)
    {
        var rank = q * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public static double Median(ReadOnlySpan<double> sorted) => Of(sorted, 0.5);

    /// <summary>Median absolute deviation from <paramref name="median"/>.</summary>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> sorted, double median)
    {
        var deviations = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            deviations[i] = Math.Abs(sorted[i] - median);
        }

        Array.Sort(deviations);
        return Median(deviations);
    }
}
