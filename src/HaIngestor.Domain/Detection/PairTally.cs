namespace HaIngestor.Domain.Detection;

/// <summary>How often an ordered pair was seen and on how many local days.</summary>
internal struct PairTally
{
    public int Count;
    public int Days;
    public int LastDay;
}
