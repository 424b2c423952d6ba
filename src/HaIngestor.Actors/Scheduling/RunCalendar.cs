using Cronos;

namespace HaIngestor.Actors.Scheduling;

/// <summary>
/// The scheduled run kinds and their cron expressions, evaluated in the home's time zone (Cronos handles
/// DST: a 03:00 run stays at 03:00 local, a time skipped by DST runs at the first valid instant after it).
/// </summary>
public sealed class RunCalendar
{
    private readonly Dictionary<string, (string Text, CronExpression Cron)> expressions = new(StringComparer.Ordinal);
    private readonly TimeZoneInfo zone;

    public RunCalendar(ScheduleSettings schedule, TimeZoneInfo zone)
    {
        this.zone = zone;
        var errors = new List<string>();
        foreach (var (kind, text) in new[] { (RunKinds.Daily, schedule.Daily), (RunKinds.Weekly, schedule.Weekly), (RunKinds.Monthly, schedule.Monthly) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (CronExpression.TryParse(text, out var cron))
            {
                expressions[kind] = (text, cron);
            }
            else
            {
                errors.Add($"{kind}: '{text}' is not a five-field cron expression");
            }
        }

        Errors = errors;
    }

    /// <summary>Expressions that could not be parsed; their kind is not scheduled.</summary>
    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyList<string> Kinds => expressions.Keys.ToList();

    public string CronOf(string kind) => expressions[kind].Text;

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(string kind, DateTimeOffset after) =>
        expressions.TryGetValue(kind, out var e) ? e.Cron.GetNextOccurrence(after, zone) : null;

    /// <summary>The last occurrence at or before <paramref name="atOrBefore"/>.</summary>
    public DateTimeOffset? Previous(string kind, DateTimeOffset atOrBefore) =>
        expressions.TryGetValue(kind, out var e) ? e.Cron.GetPreviousOccurrence(atOrBefore, zone, inclusive: true) : null;

    /// <summary>
    /// A daily run was missed when the last group-A run started before the last daily occurrence. With no run
    /// recorded at all nothing was missed: the first run is the next scheduled one (or an on-demand one).
    /// </summary>
    public bool IsDailyCatchUpDue(DateTimeOffset? lastGroupARunStartedAt, DateTimeOffset now) =>
        lastGroupARunStartedAt is { } last && Previous(RunKinds.Daily, now) is { } previous && last < previous;
}
