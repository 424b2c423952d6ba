namespace HaIngestor.Domain.HomeAssistant;

/// <summary>
/// The automations a Home Assistant instance has, read from their configs, and what they already do: which entities
/// they use as trigger, as condition and as action target. Only enabled automations count as doing anything. Built
/// from any input without throwing: an automation whose config cannot be read is counted as skipped, a part of a
/// config that cannot be read is described in <see cref="Problems"/> and the rest of the automation still counts.
/// </summary>
public sealed class HaAutomationCatalog
{
    /// <summary>Two time triggers this close (minutes, across midnight) count as the same time.</summary>
    public const int SameTimeMinutes = 30;

    private readonly IReadOnlyList<HaAutomation> enabled;

    private HaAutomationCatalog(IReadOnlyList<HaAutomation> automations, int skipped, int unfetched, IReadOnlyList<string> problems)
    {
        Automations = automations;
        Skipped = skipped;
        Unfetched = unfetched;
        Problems = problems;
        enabled = automations.Where(a => a.Enabled).ToList();
    }

    /// <summary>Every automation whose config was read, enabled or not.</summary>
    public IReadOnlyList<HaAutomation> Automations { get; }

    /// <summary>Automations whose config could not be read at all.</summary>
    public int Skipped { get; }

    /// <summary>Automations HA has whose config its source could not give (YAML ones without an id, errors).</summary>
    public int Unfetched { get; }

    /// <summary>Automations whose use of entities is not (fully) known: unfetched, unreadable, or enabled and naming what could not be resolved.</summary>
    public int Unchecked => Unfetched + Skipped + EnabledWithUnresolved;

    /// <summary>What was skipped and why, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }

    public int EnabledCount => enabled.Count;

    /// <summary>Enabled automations that name devices, areas or registry ids no registry resolved: what they use is not fully known.</summary>
    public int EnabledWithUnresolved => enabled.Count(a => a.Unresolved.Count > 0);

    /// <param name="entries">The automations.</param>
    /// <param name="registry">HA's entity and device registries, to resolve devices, areas and registry ids; null when not read.</param>
    /// <param name="unfetched">Automations HA has whose config could not be fetched.</param>
    public static HaAutomationCatalog Build(IEnumerable<HaAutomationEntry> entries, HaRegistry? registry = null, int unfetched = 0)
    {
        var problems = new List<string>();
        var automations = new List<HaAutomation>();
        var skipped = 0;
        foreach (var entry in entries)
        {
            if (AutomationConfigReader.Read(entry, problems, registry) is { } automation)
            {
                automations.Add(automation);
            }
            else
            {
                skipped++;
            }
        }

        return new HaAutomationCatalog(automations, skipped, unfetched, problems);
    }

    /// <summary>The first enabled automation with a condition that reads <paramref name="entityId"/>, or null.</summary>
    public HaAutomation? UsingAsCondition(string entityId) =>
        enabled.FirstOrDefault(a => a.Conditions.Any(c => c.EntityId == entityId));

    /// <summary>The first enabled automation triggered by <paramref name="entityId"/>, or null.</summary>
    public HaAutomation? UsingAsTrigger(string entityId) =>
        enabled.FirstOrDefault(a => a.Triggers.Any(t => t.EntityId == entityId));

    /// <summary>
    /// The first enabled automation that already does what <paramref name="proposal"/> would: it shares a trigger
    /// (the same entity, or a time of day within <see cref="SameTimeMinutes"/>) and acts on one of the same entities
    /// with the same kind of action (turn_on and turn_off differ; toggle and an action HA cannot name match either).
    /// </summary>
    public HaAutomation? Covering(HaAutomation proposal) =>
        enabled.FirstOrDefault(a => SharesTrigger(a, proposal) && SharesTarget(a, proposal));

    private static bool SharesTrigger(HaAutomation a, HaAutomation b) =>
        a.Triggers.Any(x => b.Triggers.Any(y => x.EntityId == y.EntityId))
        || a.TriggerTimes.Any(x => b.TriggerTimes.Any(y => MinutesApart(x, y) <= SameTimeMinutes));

    private static bool SharesTarget(HaAutomation a, HaAutomation b) =>
        a.Actions.Any(x => b.Actions.Any(y => Compatible(x.Action, y.Action) && x.Entities.Intersect(y.Entities, StringComparer.Ordinal).Any()));

    private static bool Compatible(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        var verbA = a[(a.IndexOf('.') + 1)..];
        var verbB = b[(b.IndexOf('.') + 1)..];
        return verbA == verbB || verbA == "toggle" || verbB == "toggle";
    }

    private static int MinutesApart(TimeOnly a, TimeOnly b)
    {
        var difference = Math.Abs((int)(a - b).TotalMinutes % 1440);
        return Math.Min(difference, 1440 - difference);
    }
}
