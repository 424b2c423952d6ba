using HaIngestor.Domain.Detection;

namespace HaIngestor.Simulation;

/// <summary>
/// Something the household does on chosen days at about the same local time: ordered steps that happen together
/// or not at all. The activity is the unit of generation; the ground truth of every pattern kind derives from it
/// (each step is a time-of-day routine; consecutive steps are co-occurrences and sequences; an on followed by an
/// off of the same entity is a duration).
/// </summary>
/// <param name="Id">Stable id, e.g. <c>kitchen-morning</c>.</param>
/// <param name="LocalTime">Nominal local time of the activity.</param>
/// <param name="Days">Days of the week it happens on (of the local date it starts on).</param>
/// <param name="JitterMinutes">Normal jitter (σ) of the start, minutes; clipped at 4σ.</param>
/// <param name="SkipProbability">Chance that a qualifying day has no occurrence at all.</param>
/// <param name="Actor">Who does it.</param>
/// <param name="Steps">The state changes, in their nominal order.</param>
public sealed record PlantedActivity(
    string Id,
    TimeOnly LocalTime,
    DaySelection Days,
    double JitterMinutes,
    double SkipProbability,
    Actor Actor,
    IReadOnlyList<PlantedStep> Steps);
