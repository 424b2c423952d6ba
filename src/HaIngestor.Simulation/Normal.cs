namespace HaIngestor.Simulation;

/// <summary>The standard normal distribution function.</summary>
internal static class Normal
{
    /// <summary>Φ(x), from erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    public static double Cdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * z));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-z * z));
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
