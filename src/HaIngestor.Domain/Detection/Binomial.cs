namespace HaIngestor.Domain.Detection;

/// <summary>Binomial tail probabilities, summed in log space so long windows neither underflow nor overflow.</summary>
public static class Binomial
{
    /// <summary>P(X ≤ k) for X ~ Binomial(n, p).</summary>
    public static double AtMost(int k, int n, double p) => Between(0, k, n, p);

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double AtLeast(int k, int n, double p) => Between(k, n, n, p);

    /// <summary>P(from ≤ X ≤ to) for X ~ Binomial(n, p).</summary>
    public static double Between(int from, int to, int n, double p)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, n);
        if (n < 0 || from > to)
        {
            return 0;
        }

        if (p <= 0)
        {
            return from == 0 ? 1 : 0;
        }

        if (p >= 1)
        {
            return to == n ? 1 : 0;
        }

        var logOdds = Math.Log(p / (1 - p));
        var logTerm = n * Math.Log(1 - p);
        for (var i = 0; i < from; i++)
        {
            logTerm += Math.Log(n - i) - Math.Log(i + 1) + logOdds;
        }

        var max = double.NegativeInfinity;
        var scaled = 0.0;
        for (var i = from; i <= to; i++)
        {
            if (logTerm > max)
            {
                scaled = scaled * Math.Exp(max - logTerm) + 1;
                max = logTerm;
            }
            else
            {
                scaled += Math.Exp(logTerm - max);
            }

            logTerm += Math.Log(n - i) - Math.Log(i + 1) + logOdds;
        }

        return Math.Clamp(Math.Exp(max) * scaled, 0, 1);
    }
}
