namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>How far a detected pattern may lie from the planted behaviour and still be it.</summary>
/// <param name="TimeOfDayMinutes">Largest circular distance of the local times, minutes.</param>
/// <param name="MinDayOverlap">Least share of each side's days of the week that the other side also has.</param>
/// <param name="DurationFraction">Largest relative distance of the median on-times (0.25 = ±25 %).</param>
/// <param name="RoomMinJaccard">Least Jaccard overlap of the entity sets of a room.</param>
public sealed record MatchTolerances(
    double TimeOfDayMinutes = 20,
    double MinDayOverlap = 0.5,
    double DurationFraction = 0.25,
    double RoomMinJaccard = 0.5);
