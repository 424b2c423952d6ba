using System.Globalization;
using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Turns a <see cref="FeatureOpportunity"/> into a suggestion with a Home Assistant automation in modern syntax.
/// Its id is <c>ha_ingestor_</c> + <see cref="StableId"/> of the kind, device and feature, so it is stable across
/// runs. Score (0..1) = (0.3 + 0.3 · min(1, uses / 21)) × safety factor: an opportunity is a proposal, not an
/// observed routine, so a well-evidenced routine ranks above it, while a much-used device's opportunity ranks above
/// a weak routine.
/// </summary>
public static class OpportunitySuggestionBuilder
{
    private const int FullEvidenceUses = 21;

    /// <summary>The suggestion for <paramref name="opportunity"/>, or null when it lacks an entity its automation needs.</summary>
    public static Suggestion? Build(FeatureOpportunity opportunity)
    {
        if (Compose(opportunity) is not { } composed)
        {
            return null;
        }

        var id = SuggestionEngine.IdPrefix + StableId.Of("opportunity", opportunity.Kind.ToString(), opportunity.IeeeAddress, opportunity.Feature);
        var automation = new JsonObject
        {
            ["id"] = id,
            ["alias"] = composed.Title,
            ["description"] = composed.Description,
            ["mode"] = composed.Mode,
            ["triggers"] = new JsonArray(composed.Trigger),
            ["conditions"] = new JsonArray(composed.Conditions),
            ["actions"] = new JsonArray(composed.Action),
        };

        // No routine stands behind an opportunity, so the routine-strength check of the validator does not apply.
        var safety = SafetyValidator.Assess(automation, confidence: 1.0);
        var safetyFactor = safety.Level switch
        {
            SafetyLevel.Safe => 1.0,
            SafetyLevel.Review => 0.85,
            _ => 0.25,
        };
        var evidence = Math.Min(1.0, (double)opportunity.Uses / FullEvidenceUses);
        var score = Math.Round(Math.Clamp((0.3 + 0.3 * evidence) * safetyFactor, 0, 1), 4);
        return new Suggestion(id, composed.Title, composed.Description, score, [], automation, AutomationYaml.ToYaml(automation), safety);
    }

    private sealed record Composed(string Title, string Description, string Mode, JsonObject Trigger, JsonNode[] Conditions, JsonObject Action);

    private static Composed? Compose(FeatureOpportunity o)
    {
        var name = o.FriendlyName;
        switch (o.Kind)
        {
            case FeatureOpportunityKind.AdaptiveColourTemperature when Entity(o, FeatureOpportunity.LightRole) is { } light:
            {
                var warm = Number(o, FeatureOpportunity.WarmKelvin, FeatureOpportunities.EveningKelvin);
                var cool = Number(o, FeatureOpportunity.CoolKelvin, FeatureOpportunities.DayKelvin);
                var template = Invariant($"{{{{ {warm:0} if now().hour >= 19 or now().hour < 7 else {cool:0} }}}}");
                return new Composed(
                    $"Adapt the colour temperature of {name} to the time of day",
                    Invariant($"{o.Observed}. When it is turned on it will be warm ({warm:0} K) from 19:00 to 07:00 and cooler ({cool:0} K) during the day."),
                    "queued",
                    StateTrigger(light, "on"),
                    [],
                    LightOn(light, new JsonObject { ["color_temp_kelvin"] = template }));
            }

            case FeatureOpportunityKind.NightDimming when Entity(o, FeatureOpportunity.LightRole) is { } light:
            {
                var percent = Number(o, FeatureOpportunity.NightBrightnessPercent, FeatureOpportunities.NightBrightnessPercent);
                return new Composed(
                    $"Dim {name} when it is turned on at night",
                    Invariant($"{o.Observed}. When it is turned on between 22:00 and 06:00 it will light at {percent:0} %."),
                    "queued",
                    StateTrigger(light, "on"),
                    [new JsonObject { ["condition"] = "time", ["after"] = "22:00:00", ["before"] = "06:00:00" }],
                    LightOn(light, new JsonObject { ["brightness_pct"] = percent }));
            }

            case FeatureOpportunityKind.DarkOnlyMotionLighting
                when Entity(o, FeatureOpportunity.OccupancyRole) is { } occupancy
                     && Entity(o, FeatureOpportunity.IlluminanceRole) is { } illuminance
                     && o.EntityList(FeatureOpportunity.LightsRole) is { Count: > 0 } lights:
            {
                var below = Number(o, FeatureOpportunity.BelowLux, FeatureOpportunities.DarkLux);
                return new Composed(
                    $"Turn on the lights at motion near {name} only when it is dark",
                    Invariant($"{o.Observed}. Lights in the same area ({string.Join(", ", lights)}) go on at motion only below {below:0} lx."),
                    "single",
                    StateTrigger(occupancy, "on"),
                    [new JsonObject { ["condition"] = "numeric_state", ["entity_id"] = illuminance, ["below"] = below }],
                    LightOn(lights.Count == 1 ? lights[0] : new JsonArray(lights.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()), null));
            }

            case FeatureOpportunityKind.ApplianceFinished when Entity(o, FeatureOpportunity.PowerRole) is { } power:
            {
                var below = Number(o, FeatureOpportunity.BelowWatts, FeatureOpportunities.FinishedWatts);
                var minutes = Number(o, FeatureOpportunity.ForMinutes, FeatureOpportunities.FinishedMinutes);
                return new Composed(
                    $"Tell when the appliance on {name} has finished",
                    Invariant($"{o.Observed}. When its power stays below {below:0.#} W for {minutes:0} min after running, a notification says it has finished."),
                    "single",
                    new JsonObject
                    {
                        ["trigger"] = "numeric_state",
                        ["entity_id"] = power,
                        ["below"] = below,
                        ["for"] = new JsonObject { ["minutes"] = minutes },
                    },
                    [],
                    new JsonObject
                    {
                        ["action"] = "notify.notify",
                        ["data"] = new JsonObject { ["message"] = $"The appliance on {name} has finished." },
                    });
            }

            default:
                return null;
        }
    }

    private static JsonObject StateTrigger(string entityId, string to) =>
        new() { ["trigger"] = "state", ["entity_id"] = entityId, ["to"] = to };

    private static JsonObject LightOn(JsonNode target, JsonObject? data)
    {
        var action = new JsonObject { ["action"] = "light.turn_on", ["target"] = new JsonObject { ["entity_id"] = target } };
        if (data is not null)
        {
            action["data"] = data;
        }

        return action;
    }

    private static string? Entity(FeatureOpportunity o, string role) => o.Entities.GetValueOrDefault(role);

    private static double Number(FeatureOpportunity o, string name, double fallback) => o.Numbers.TryGetValue(name, out var n) ? n : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
