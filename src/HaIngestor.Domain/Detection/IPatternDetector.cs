namespace HaIngestor.Domain.Detection;

/// <summary>One detector: a pure function from a window of events to the patterns found in it.</summary>
public interface IPatternDetector
{
    /// <summary>The pattern type it produces, e.g. <c>time_of_day</c>; also the detector actor's name.</summary>
    string Name { get; }

    /// <summary>The group (and therefore the schedule) it runs in.</summary>
    DetectorGroup Group { get; }

    /// <summary>Finds the patterns of the window. Must not keep state between calls.</summary>
    IReadOnlyList<Pattern> Detect(DetectionContext context);
}
