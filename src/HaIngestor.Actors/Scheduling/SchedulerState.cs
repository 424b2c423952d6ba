using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Actors.Scheduling;

/// <summary>The scheduler's persistent state: the last finished runs, newest first, at most <see cref="MaxJobs"/>.</summary>
public sealed record SchedulerState(IReadOnlyList<JobRecorded> Jobs, int MaxJobs)
{
    public static SchedulerState Empty(int maxJobs) => new([], Math.Max(1, maxJobs));

    public SchedulerState Apply(JobRecorded job) => this with { Jobs = Jobs.Prepend(job).Take(MaxJobs).ToList() };

    public SchedulerState Apply(SchedulerStateSnapshot snapshot) => this with { Jobs = snapshot.Jobs.Take(MaxJobs).ToList() };

    public SchedulerStateSnapshot ToSnapshot() => new(Jobs.ToArray());

    public IReadOnlyList<AnalysisRunReport> History => Jobs.Select(JobRecords.ToReport).ToList();

    /// <summary>When the last daily or on-demand run (both run group A) started.</summary>
    public DateTimeOffset? LastGroupARunStartedAt =>
        Jobs.Where(j => RunKinds.GroupOf(j.Kind) == DetectorGroup.A)
            .Select(j => (DateTimeOffset?)DateTimeOffset.FromUnixTimeMilliseconds(j.StartedAtUnixMs))
            .Max();

    public DateTimeOffset? LastFinishedAt =>
        Jobs.Count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(Jobs.Max(j => j.FinishedAtUnixMs));
}
