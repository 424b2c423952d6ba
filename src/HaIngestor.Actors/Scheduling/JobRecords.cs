using System.Globalization;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Scheduling;

/// <summary>Converts run reports to and from their persisted plain form.</summary>
public static class JobRecords
{
    public static JobRecorded ToRecord(AnalysisRunReport report) =>
        new(
            report.RunId,
            report.Kind,
            report.Trigger,
            report.StartedAt.ToUnixTimeMilliseconds(),
            report.FinishedAt.ToUnixTimeMilliseconds(),
            report.WindowStart.ToUnixTimeMilliseconds(),
            report.WindowEnd.ToUnixTimeMilliseconds(),
            report.Status.ToString(),
            report.PhaseMilliseconds.Select(p => p.Key).ToArray(),
            report.PhaseMilliseconds.Select(p => p.Value).ToArray(),
            report.EventCount,
            report.PatternCount,
            report.SuggestionCount,
            report.Failures.Select(f => f.Key).ToArray(),
            report.Failures.Select(f => f.Value).ToArray(),
            report.Utilisation,
            report.AggregateDays is { } days ? [days.Aggregated, days.Rebuilt, days.FromStore] : null,
            report.AggregateDays?.Unavailable.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());

    public static AnalysisRunReport ToReport(JobRecorded record) =>
        new(
            record.RunId,
            record.Kind,
            record.Trigger,
            DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAtUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(record.FinishedAtUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(record.WindowStartUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(record.WindowEndUnixMs),
            Enum.TryParse<AnalysisRunStatus>(record.Status, out var status) ? status : AnalysisRunStatus.Failed,
            record.PhaseNames.Select((name, i) => KeyValuePair.Create(name, record.PhaseMilliseconds[i])).ToList(),
            record.EventCount,
            record.PatternCount,
            record.SuggestionCount,
            record.FailureKeys.Select((key, i) => KeyValuePair.Create(key, record.FailureMessages[i])).ToList(),
            record.Utilisation,
            record.AggregateDayCounts is [var aggregated, var rebuilt, var fromStore]
                ? new AggregateDayCounts(
                    aggregated,
                    rebuilt,
                    fromStore,
                    (record.UnavailableDays ?? []).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList())
                : null);
}
