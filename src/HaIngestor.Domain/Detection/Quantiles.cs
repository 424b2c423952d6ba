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

    /// <summary>
    /// Median absolute deviation of ascending <paramref name="sorted"/> from <paramref name="median"/>, in
    /// linear time: the deviations below and above the median are each already ordered, so merging them
    /// outward from the median yields the deviations in ascending order.
    /// </summary>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> sorted, double median)
    {
        var rank = 0.5 * (sorted.Length - 1);
        var low = (int)rank;
        var high = Math.Min(low + 1, sorted.Length - 1);
        var found = sorted.BinarySearch(median);
        var right = found >= 0 ? found : ~found;
        var left = right - 1;
        double atLow = 0, atHigh = 0;
        for (var taken = 0; taken <= high; taken++)
        {
            var fromLeft = left >= 0 ? median - sorted[left] : double.PositiveInfinity;
            var fromRight = right < sorted.Length ? sorted[right] - median : double.PositiveInfinity;
            double deviation;
            if (fromLeft <= fromRight)
            {
                deviation = fromLeft;
                left--;
            }
            else
            {
                deviation = fromRight;
                right++;
            }

            atLow = taken == low ? deviation : atLow;
            atHigh = taken == high ? deviation : atHigh;
        }

        return atLow + ((atHigh - atLow) * (rank - low));
    }
}
