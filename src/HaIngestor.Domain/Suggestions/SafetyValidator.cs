using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Judges an automation before anyone may deploy it. <see cref="SafetyLevel.Blocked"/>: it is malformed, or it
/// would open the home to intruders (unlocking, opening a door, gate or garage, disarming an alarm) with no one
/// there to see. <see cref="SafetyLevel.Review"/>: it acts on locks, covers, climate, alarms, heat sources or
/// unfamiliar domains, runs between 00:00 and 05:00 when people sleep, or rests on a weak routine.
/// <see cref="SafetyLevel.Safe"/>: lights, switches, fans, media and scenes at a waking hour on a solid routine.
/// </summary>
public static partial class SafetyValidator
{
    /// <summary>Routines below this confidence need a human look.</summary>
    public const double MinConfidence = 0.6;

    /// <summary>Time triggers from 00:00 up to (not including) this hour need a human look.</summary>
    public const int NightEndsAtHour = 5;

    private static readonly HashSet<string> FamiliarDomains =
        new(["light", "switch", "fan", "input_boolean", "media_player", "scene"], StringComparer.Ordinal);

    /// <summary>Actions that only tell people something: they need no target entity and change nothing in the home.</summary>
    private static readonly HashSet<string> NotificationDomains = new(["notify", "persistent_notification"], StringComparer.Ordinal);

    private static readonly string[] EntranceWords = ["garage", "door", "gate", "entrance", "porte", "puerta", "tor"];

    private static readonly string[] HeatWords = ["heater", "heating", "oven", "stove", "hob", "boiler", "kettle", "iron", "radiator"];

    /// <summary>The verdict on <paramref name="automation"/>, built from a routine of <paramref name="confidence"/>.</summary>
    public static SafetyAssessment Assess(JsonObject automation, double confidence)
    {
        var blocked = new List<string>();
        var review = new List<string>();
        CheckStructure(automation, blocked);

        foreach (var trigger in Items(automation, "triggers"))
        {
            if (trigger?["at"] is JsonValue at && TryGetString(at) is { } text && TryParseTime(text, out var time) && time.Hour < NightEndsAtHour)
            {
                review.Add($"runs at {time:HH\\:mm}, at night when people are asleep");
            }
        }

        foreach (var action in Items(automation, "actions"))
        {
            if (action is JsonObject call && TryGetString(call["action"]) is { } name)
            {
                JudgeAction(name, EntityIds(call).ToList(), blocked, review);
            }
        }

        if (confidence < MinConfidence)
        {
            review.Add(string.Create(CultureInfo.InvariantCulture, $"the routine behind it is weak (confidence {confidence:0.00}, below {MinConfidence:0.00})"));
        }

        var level = blocked.Count > 0 ? SafetyLevel.Blocked : review.Count > 0 ? SafetyLevel.Review : SafetyLevel.Safe;
        return new SafetyAssessment(level, [.. blocked, .. review]);
    }

    private static void JudgeAction(string action, List<string> entities, List<string> blocked, List<string> review)
    {
        var domain = action[..Math.Max(action.IndexOf('.'), 0)];
        var service = action[(action.IndexOf('.') + 1)..];
        var subject = entities.Count == 0 ? domain : string.Join(", ", entities);
        switch (domain, service)
        {
            case ("lock", "unlock" or "open"):
                blocked.Add($"unlocks {subject} automatically, with no one there to see who comes in");
                break;
            case ("lock", _):
                review.Add($"locks {subject}: someone could be locked out or in");
                break;
            case ("cover", "open_cover" or "toggle" or "set_cover_position") when entities.Any(IsEntrance):
                blocked.Add($"opens {subject} automatically, an entrance to the home");
                break;
            case ("cover", _):
                review.Add($"moves {subject}: check nothing and no one is in the way");
                break;
            case ("alarm_control_panel", "alarm_disarm"):
                blocked.Add($"disarms {subject} automatically");
                break;
            case ("alarm_control_panel", _):
                review.Add($"changes the alarm {subject}");
                break;
            case ("climate" or "water_heater", _):
                review.Add($"changes the heating or cooling of {subject}: check comfort and energy use");
                break;
            case (_, "turn_on" or "toggle") when entities.Any(e => HasWord(e, HeatWords)):
                review.Add($"switches on {subject}, which may be a heat source, with no one watching");
                break;
            case var _ when NotificationDomains.Contains(domain):
                break;
            case var _ when !FamiliarDomains.Contains(domain):
                review.Add($"acts on {subject} ({domain}), a kind of device without a known safe use");
                break;
        }
    }

    private static void CheckStructure(JsonObject automation, List<string> blocked)
    {
        foreach (var legacy in (ReadOnlySpan<string>)["trigger", "condition", "action"])
        {
            if (automation.ContainsKey(legacy))
            {
                blocked.Add($"uses the legacy key '{legacy}:' instead of '{legacy}s:'");
            }
        }

        if (automation["triggers"] is not JsonArray { Count: > 0 } triggers)
        {
            blocked.Add("has no triggers");
        }
        else
        {
            foreach (var trigger in triggers)
            {
                if (trigger is not JsonObject t || TryGetString(t["trigger"]) is null)
                {
                    blocked.Add(trigger is JsonObject { } legacy && legacy.ContainsKey("platform")
                        ? "has a trigger in the legacy 'platform:' form"
                        : "has a trigger without 'trigger:'");
                }
                else if (TryGetString(t["trigger"]) == "time" && !(TryGetString(t["at"]) is { } at && TryParseTime(at, out _)))
                {
                    blocked.Add("has a time trigger without a valid 'at:' time");
                }
            }
        }

        if (automation["conditions"] is { } conditions
            && (conditions is not JsonArray list || list.Any(c => c is not JsonObject o || TryGetString(o["condition"]) is null)))
        {
            blocked.Add("has conditions that are not a list of 'condition:' entries");
        }

        if (automation["actions"] is not JsonArray { Count: > 0 } actions)
        {
            blocked.Add("has no actions");
            return;
        }

        foreach (var action in actions)
        {
            if (action is not JsonObject call || TryGetString(call["action"]) is not { } name)
            {
                blocked.Add(action is JsonObject { } legacy && legacy.ContainsKey("service")
                    ? "has an action in the legacy 'service:' form"
                    : "has an action without 'action:'");
                continue;
            }

            if (!ActionName().IsMatch(name))
            {
                blocked.Add($"has an action '{name}' that is not domain.service");
            }

            var entities = EntityIds(call).ToList();
            if (entities.Count == 0 && !NotificationDomains.Contains(name[..Math.Max(name.IndexOf('.'), 0)]))
            {
                blocked.Add($"has an action '{name}' without a target entity");
            }
            else if (entities.FirstOrDefault(e => !EntityId().IsMatch(e)) is { } bad)
            {
                blocked.Add($"targets '{bad}', which is not an entity id");
            }
        }
    }

    private static IEnumerable<JsonNode?> Items(JsonObject automation, string key) =>
        automation[key] as JsonArray ?? [];

    private static IEnumerable<string> EntityIds(JsonObject call) =>
        call["target"] is JsonObject target
            ? target["entity_id"] switch
            {
                JsonValue one when TryGetString(one) is { } id => [id],
                JsonArray many => many.Select(TryGetString).Where(id => id is not null).Select(id => id!),
                _ => [],
            }
            : [];

    private static string? TryGetString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool IsEntrance(string entityId) =>
        HasWord(entityId, EntranceWords) || entityId.Contains("garage", StringComparison.OrdinalIgnoreCase);

    private static bool HasWord(string entityId, string[] words)
    {
        var objectId = entityId[(entityId.IndexOf('.') + 1)..];
        return objectId.Split('_', '-', ' ').Any(part => words.Contains(part, StringComparer.OrdinalIgnoreCase));
    }

    [GeneratedRegex("^[a-z0-9_]+\\.[a-z0-9_]+$")]
    private static partial Regex ActionName();

    [GeneratedRegex("^[a-z0-9_]+\\.[a-z0-9_]+$")]
    private static partial Regex EntityId();
}
