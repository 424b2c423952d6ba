namespace HaIngestor.Domain.Detection;

/// <summary>
/// Hashing for keys packed as <c>(a &lt;&lt; 32) | b</c>. long.GetHashCode is <c>a ^ b</c>, which puts all pairs
/// of small ids into a few hundred buckets and turns the dictionary into linear lists.
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key) => (int)((ulong)(key * -7046029254386353131L) >> 32);
}
