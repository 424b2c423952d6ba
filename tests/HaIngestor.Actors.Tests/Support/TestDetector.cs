using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Tests.Support;

/// <summary>A detector whose behaviour the test gives; it may throw.</summary>
public sealed class TestDetector(string name, DetectorGroup group, Func<DetectionContext, IReadOnlyList<Pattern>> detect) : IPatternDetector
{
    public string Name => name;

    public DetectorGroup Group => group;

    public IReadOnlyList<Pattern> Detect(DetectionContext context) => detect(context);

    public static Pattern PatternFor(string id, string entity) =>
        new(id, "test", [entity], ["on"], 5, 0.9, [], new TimeOfDayDetails(7 * 60, 4, DaySelection.All));
}
