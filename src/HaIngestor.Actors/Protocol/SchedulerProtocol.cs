using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Protocol;

/// <summary>
/// Starts an on-demand run (group A). Without a window the run reads the last <c>WindowDays</c> days.
/// Never two runs at once: while one runs, one request is queued (accepted with its run id) and any
/// further request is rejected.
/// </summary>
public sealed record RunAnalysisNow(string Trigger, DateTimeOffset? WindowStart = null, DateTimeOffset? WindowEnd = null);

public sealed record AnalysisRunAccepted(string RunId);

public sealed record AnalysisRunRejected(string Reason);

public sealed record GetRunHistory
{
    public static GetRunHistory Instance { get; } = new();
}

/// <summary>Finished runs, newest first.</summary>
public sealed record RunHistory(IReadOnlyList<AnalysisRunReport> Runs);

public sealed record GetSchedule
{
    public static GetSchedule Instance { get; } = new();
}

/// <summary>The next occurrence of one scheduled run kind (null when the expression never fires again).</summary>
public sealed record ScheduledRun(string Kind, string Cron, DateTimeOffset? NextAt);

public sealed record ScheduleView(IReadOnlyList<ScheduledRun> Runs);

public sealed record GetSchedulerStatus
{
    public static GetSchedulerStatus Instance { get; } = new();
}

public sealed record SchedulerStatus(string? RunningRunId, bool RunQueued, long RunsStarted, long RunsRecorded, DateTimeOffset? LastRunFinishedAt);

/// <summary>Sent by an AnalysisRunActor to the scheduler when it is done.</summary>
public sealed record AnalysisRunCompleted(AnalysisRunReport Report);

/// <summary>
/// Persisted: one finished run, in plain fields (times as unix ms, phases and failures as parallel arrays).
/// <c>Utilisation</c>, the <c>HomeAssistant*</c> fields (the run's check against HA's automations) and the L2 day
/// counts came later: records written before them read as null / not checked.
/// </summary>
public sealed record JobRecorded(
    string RunId,
    string Kind,
    string Trigger,
    long StartedAtUnixMs,
    long FinishedAtUnixMs,
    long WindowStartUnixMs,
    long WindowEndUnixMs,
    string Status,
    string[] PhaseNames,
    long[] PhaseMilliseconds,
    int EventCount,
    int PatternCount,
    int SuggestionCount,
    string[] FailureKeys,
    string[] FailureMessages,
    double? Utilisation = null,
    bool? HomeAssistantChecked = null,
    string? HomeAssistantSource = null,
    int HomeAssistantAutomations = 0,
    int HomeAssistantEnabled = 0,
    int HomeAssistantSkipped = 0,
    int HomeAssistantAlreadyAutomated = 0,
    string? HomeAssistantReason = null,
    int[]? AggregateDayCounts = null,
    string[]? UnavailableDays = null);

/// <summary>Persisted snapshot of the scheduler: the kept history, newest first.</summary>
public sealed record SchedulerStateSnapshot(JobRecorded[] Jobs);
