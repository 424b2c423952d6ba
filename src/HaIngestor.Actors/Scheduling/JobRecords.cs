using System.Globalization;
using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Scheduling;

/// <summary>Converts run reports to and from their persisted plain form.</summary>
public static class JobRecords
{
    public static JobRecorded ToRecord(AnalysisRunReport report) =>
        Plain(report) with
        {
            HomeAssistantChecked = report.HomeAssistant?.Checked,
            HomeAssistantSource = report.HomeAssistant?.Source,
            HomeAssistantAutomations = report.HomeAssistant?.Automations ?? 0,
            HomeAssistantEnabled = report.HomeAssistant?.Enabled ?? 0,
            HomeAssistantSkipped = report.HomeAssistant?.Skipped ?? 0,
            HomeAssistantAlreadyAutomated = report.HomeAssistant?.AlreadyAutomated ?? 0,
            HomeAssistantReason = report.HomeAssistant?.Reason,
        };

    public static AnalysisRunReport ToReport(JobRecorded record) =>
        Plain(record) with
        {
            HomeAssistant = record.HomeAssistantChecked is { } done
                ? new HomeAssistantCheck(
                    done,
                    record.HomeAssistantSource,
                    record.HomeAssistantAutomations,
                    record.HomeAssistantEnabled,
                    record.HomeAssistantSkipped,
                    record.HomeAssistantAlreadyAutomated,
                    record.HomeAssistantReason)
                : null,
        };

    private static JobRecorded Plain(AnalysisRunReport report) =>
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
            AggregateDayCounts: report.AggregateDays is { } days ? [days.Aggregated, days.Rebuilt, days.FromStore] : null,
            UnavailableDays: report.AggregateDays?.Unavailable.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());

    private static AnalysisRunReport Plain(JobRecorded record) =>
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
            AggregateDays: record.AggregateDayCounts is [var aggregated, var rebuilt, var fromStore]
                ? new AggregateDayCounts(
                    aggregated,
                    rebuilt,
                    fromStore,
                    (record.UnavailableDays ?? []).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList())
                : null);
}
