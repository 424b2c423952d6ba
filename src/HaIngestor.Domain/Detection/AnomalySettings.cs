namespace HaIngestor.Domain.Detection;

/// <summary>Thresholds of <see cref="AnomalyDetector"/>.</summary>
/// <param name="MinHistoryDays">Least number of other local days with the entity's state before anything is judged.</param>
/// <param name="MinHistoryEvents">Least number of other events (or on-times) before anything is judged.</param>
/// <param name="HourBandHalfWidth">Hours either side of the event's local hour that count as "the same time of day" (circular).</param>
/// <param name="MaxHourProbability">An hour is unusual when the smoothed share of history in its band is below this.</param>
/// <param name="DurationMadFactor">An on-time is unusual above median × e^(k·MAD) of the log on-times.</param>
/// <param name="MinLogDurationScale">Floor of the log-MAD, so that identical history does not flag every slightly longer on-time (0.1 ≈ ×1.65 at k = 5).</param>
/// <param name="MinUnusualDurationSeconds">On-times shorter than this are never unusual.</param>
/// <param name="MaxOnTimeSeconds">Longer periods are lost events rather than usage and are ignored.</param>
/// <param name="MaxStatesPerEntity">Entities with more distinct states are measurements and are left out.</param>
/// <param name="MaxLongShare">
/// When more than this share of the other days' on-times already lie beyond median × e^(k·MAD), long on-times
/// are part of how the entity is used (a light mostly switched on for a minute, now and then for an evening): an
/// on-time is then unusual only when it is longer than all of them by e^(k·floor).
/// </param>
public sealed record AnomalySettings(
    int MinHistoryDays = 14,
    int MinHistoryEvents = 10,
    int HourBandHalfWidth = 2,
    double MaxHourProbability = 0.02,
    double DurationMadFactor = 5,
    double MinLogDurationScale = 0.1,
    double MinUnusualDurationSeconds = 900,
    double MaxOnTimeSeconds = 3 * 24 * 3600,
    int MaxStatesPerEntity = 8,
    double MaxLongShare = 0.15);
