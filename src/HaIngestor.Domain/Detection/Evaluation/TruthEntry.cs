namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>
/// One planted behaviour, in the terms of a detected <see cref="Pattern"/>, for scoring the detectors.
/// </summary>
/// <param name="Kind">Pattern type it stands for, e.g. <c>time_of_day</c>.</param>
/// <param name="Source">What planted it (an activity, a noise source or an anomaly id).</param>
/// <param name="Entities">The entities, in the order the pattern type defines.</param>
/// <param name="States">The states, parallel to <paramref name="Entities"/>.</param>
/// <param name="Human">
/// False when an automation does it: a pattern matching it reports automated behaviour as a routine and is
/// a false positive.
/// </param>
/// <param name="Required">
/// True: the detectors must find it (it counts towards recall). False: a true consequence of the planted
/// behaviour whose statistics sit near the definition's edge (a mixture of on-times that is only half
/// concentrated, a pair that follows in about half of the cases); finding it is right, missing it is no error.
/// </param>
/// <param name="Details">The kind-specific facts.</param>
public sealed record TruthEntry(
    string Kind,
    string Source,
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> States,
    bool Human,
    bool Required,
    TruthDetails Details);

/// <summary>Kind-specific facts of a <see cref="TruthEntry"/>; one derived record per pattern type.</summary>
public abstract record TruthDetails;
