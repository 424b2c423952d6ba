namespace HaIngestor.Simulation;

/// <summary>Draws the simulation needs from a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>Normal with σ <paramref name="sigma"/>, clipped to ±4σ so a day's events stay near their day.</summary>
    public static double NextJitter(this Random random, double sigma)
    {
        if (sigma <= 0)
        {
            return 0;
        }

        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Clamp(z, -4, 4) * sigma;
    }

    /// <summary>Poisson count with mean <paramref name="mean"/> (Knuth; the means here are small).</summary>
    public static int NextPoisson(this Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    /// <summary>A Home Assistant context id (a ULID: 48-bit milliseconds, 80 random bits, Crockford base 32).</summary>
    public static string NextContextId(this Random random, DateTimeOffset time)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var milliseconds = time.ToUnixTimeMilliseconds();
        return string.Create(26, (random, milliseconds), static (span, state) =>
        {
            var ms = state.milliseconds;
            for (var i = 9; i >= 0; i--)
            {
                span[i] = alphabet[(int)(ms & 31)];
                ms >>= 5;
            }

            for (var i = 10; i < 26; i++)
            {
                span[i] = alphabet[state.random.Next(32)];
            }
        });
    }
}
