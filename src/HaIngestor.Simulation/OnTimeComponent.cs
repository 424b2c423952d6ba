namespace HaIngestor.Simulation;

/// <summary>One source of planted on-times: normal (an activity's on and off steps) or uniform (a noise session), with its rate.</summary>
internal sealed record OnTimeComponent(double Weight, bool IsUniform, double A, double B)
{
    public static OnTimeComponent Normal(double weight, double mean, double sigma) => new(weight, false, mean, sigma);

    public static OnTimeComponent Uniform(double weight, double from, double to) => new(weight, true, from, to);

    private double Cdf(double x) => IsUniform
        ? (B <= A ? (x >= A ? 1 : 0) : Math.Clamp((x - A) / (B - A), 0, 1))
        : (B <= 0 ? (x >= A ? 1 : 0) : Simulation.Normal.Cdf((x - A) / B));

    /// <summary>The <paramref name="q"/> quantile of the rate-weighted mixture (bisection on its distribution function).</summary>
    public static double Quantile(IReadOnlyList<OnTimeComponent> parts, double q)
    {
        var total = parts.Sum(p => p.Weight);
        var low = parts.Min(p => p.IsUniform ? p.A : p.A - (6 * p.B));
        var high = parts.Max(p => p.IsUniform ? p.B : p.A + (6 * p.B));
        for (var i = 0; i < 100; i++)
        {
            var mid = (low + high) / 2;
            if (parts.Sum(p => p.Weight * p.Cdf(mid)) / total < q)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
