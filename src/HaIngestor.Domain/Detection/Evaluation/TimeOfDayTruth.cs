namespace HaIngestor.Domain.Detection.Evaluation;

/// <summary>A planted routine at a local time of day.</summary>
/// <param name="LocalMinuteOfDay">Nominal local time, minutes since midnight (0..1439).</param>
/// <param name="Days">The days of the week it happens on.</param>
/// <param name="JitterMinutes">Normal jitter (σ) of its time, minutes.</param>
/// <param name="SkipProbability">Chance that a day of <paramref name="Days"/> has no occurrence.</param>
public sealed record TimeOfDayTruth(int LocalMinuteOfDay, DaySelection Days, double JitterMinutes, double SkipProbability) : TruthDetails;
