namespace HaIngestor.Domain.Detection;

/// <summary>The detectors that exist, per group; the run and the offline analysis take them from here.</summary>
public static class DetectorCatalog
{
    /// <summary>All detectors with their default settings.</summary>
    public static IReadOnlyList<IPatternDetector> CreateAll() => CreateAll(new DetectorSettings());

    /// <summary>All detectors with the given settings; throws <see cref="ArgumentException"/> on invalid settings.</summary>
    public static IReadOnlyList<IPatternDetector> CreateAll(DetectorSettings settings) =>
    [
        new TimeOfDayDetector(settings.TimeOfDay),
        new CoOccurrenceDetector(settings.CoOccurrence),
        new SequenceDetector(settings.Sequence),
        new DurationDetector(settings.Duration),
        new RoomDetector(settings.Room),
        new AnomalyDetector(settings.Anomaly),
    ];

    /// <summary>The detectors of one group.</summary>
    public static IReadOnlyList<IPatternDetector> CreateGroup(DetectorGroup group, DetectorSettings settings) =>
        CreateAll(settings).Where(d => d.Group == group).ToList();
}
