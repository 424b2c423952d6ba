using System.Globalization;
using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Builds the Home Assistant automation for a routine, in the modern syntax HA's config API takes:
/// <c>triggers:</c> with <c>trigger:</c>, <c>conditions:</c>, <c>actions:</c> with <c>action:</c> and <c>target:</c>.
/// </summary>
public static class AutomationBuilder
{
    /// <summary>
    /// The automation for a time_of_day pattern of an actionable entity, or null when the pattern is of another
    /// type or its entity cannot be driven (sensors).
    /// </summary>
    public static JsonObject? Build(Pattern pattern, string id, string alias, string description)
    {
        if (pattern.Details is not TimeOfDayDetails details || pattern.Entities.Count != 1 || pattern.States.Count != 1)
        {
            return null;
        }

        var call = EntityActions.For(pattern.Entities[0], pattern.States[0]);
        return call is null ? null : Build(id, alias, description, details, pattern.Entities[0], call);
    }

    /// <summary>The automation that runs <paramref name="call"/> on <paramref name="entityId"/> at the routine's time and days.</summary>
    public static JsonObject Build(string id, string alias, string description, TimeOfDayDetails routine, string entityId, ServiceCall call)
    {
        var at = string.Create(
            CultureInfo.InvariantCulture,
            $"{routine.LocalMinuteOfDay / 60 % 24:00}:{routine.LocalMinuteOfDay % 60:00}:00");

        var conditions = new JsonArray();
        if (routine.Days.Days.Count < 7)
        {
            conditions.Add(new JsonObject
            {
                ["condition"] = "time",
                ["weekday"] = new JsonArray(routine.Days.ShortNames.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
            });
        }

        var action = new JsonObject
        {
            ["action"] = call.Action,
            ["target"] = new JsonObject { ["entity_id"] = entityId },
        };
        if (call.Data.Count > 0)
        {
            var data = new JsonObject();
            foreach (var (key, value) in call.Data)
            {
                data[key] = value;
            }

            action["data"] = data;
        }

        return new JsonObject
        {
            ["id"] = id,
            ["alias"] = alias,
            ["description"] = description,
            ["mode"] = "single",
            ["triggers"] = new JsonArray(new JsonObject { ["trigger"] = "time", ["at"] = at }),
            ["conditions"] = conditions,
            ["actions"] = new JsonArray(action),
        };
    }
}
