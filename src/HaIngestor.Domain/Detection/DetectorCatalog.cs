namespace HaIngestor.Domain.Detection;

/// <summary>The detectors that exist, per group; the run and the offline analysis take them from here.</summary>
public static class DetectorCatalog
{
    /// <summary>All detectors with their default settings.</summary>
    public static IReadOnlyList<IPatternDetector> CreateAll() =>
        throw new NotImplementedException("being written on branch detection");
}
