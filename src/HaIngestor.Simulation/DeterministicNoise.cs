namespace HaIngestor.Simulation;

/// <summary>
/// Stateless pseudo-random numbers from a hash of their coordinates (SplitMix64 finaliser), so that a sensor
/// reading depends only on the seed, the entity and the instant, not on how much history was generated before.
/// </summary>
internal static class DeterministicNoise
{
    public static ulong Hash(long a, long b, long c)
    {
        var x = Mix((ulong)a + 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ ((ulong)b + 0xBF58476D1CE4E5B9UL));
        return Mix(x ^ ((ulong)c + 0x94D049BB133111EBUL));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(long a, long b, long c) => (Hash(a, b, c) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box–Muller over two hashed uniforms).</summary>
    public static double Gaussian(long a, long b, long c)
    {
        var u1 = 1.0 - Uniform(a, b, c);
        var u2 = Uniform(a, b, ~c);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A seed for <see cref="Random"/> from coordinates.</summary>
    public static int Seed(long a, long b, long c) => (int)(Hash(a, b, c) & 0x7FFFFFFF);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
