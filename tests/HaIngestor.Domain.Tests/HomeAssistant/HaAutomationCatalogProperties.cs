using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using HaIngestor.Domain.HomeAssistant;

namespace HaIngestor.Domain.Tests.HomeAssistant;

/// <summary>
/// The catalog is total: any node of a real config replaced by anything JSON can hold never makes it throw, every
/// automation is either read or counted as skipped, and the damage never changes what the other automations use.
/// </summary>
public sealed class HaAutomationCatalogProperties
{
    private static readonly string[] Configs =
    [
        HaAutomationConfigs.MotionLightWhenDark,
        HaAutomationConfigs.WashingMachineFinished,
        HaAutomationConfigs.LegacyEveningLights,
        HaAutomationConfigs.ClimateAndBlinds,
        HaAutomationConfigs.KitchenMorning,
    ];

    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => JsonValue.Create(42.5),
        () => JsonValue.Create(false),
        () => JsonValue.Create(""),
        () => JsonValue.Create("{{ states('sensor.x') | float > 3 and states.light.y.state }}"),
        () => JsonValue.Create("not.an.entity,,light.ok, ALL"),
        () => new JsonArray(),
        () => new JsonObject(),
        () => new JsonArray(JsonValue.Create(1), null, new JsonObject { ["condition"] = "and" }),
        () => new JsonObject { ["enabled"] = false },
        () => new JsonObject { ["choose"] = new JsonObject { ["sequence"] = 7 }, ["repeat"] = "x", ["if"] = null },
        () => Nested(100),
    ];

    [Property(MaxTest = 500)]
    public bool Replacing_any_node_never_throws_and_never_changes_the_other_automations(NonNegativeInt configChoice, NonNegativeInt nodeChoice, NonNegativeInt replacementChoice)
    {
        var target = configChoice.Get % Configs.Length;
        var entries = Configs.Select(c => new HaAutomationEntry(null, true, JsonNode.Parse(c))).ToList();
        var baseline = HaAutomationCatalog.Build(entries.Select(e => e with { Config = e.Config!.DeepClone() })).Automations.Select(Signature).ToList();
        var root = entries[target].Config;
        var nodes = Descendants(root).ToList();
        var replacement = Replacements[replacementChoice.Get % Replacements.Length]();
        var chosen = nodes[nodeChoice.Get % nodes.Count];
        if (chosen == root)
        {
            entries[target] = entries[target] with { Config = replacement };
        }
        else
        {
            Replace(chosen, replacement);
        }

        var catalog = HaAutomationCatalog.Build(entries);

        var others = catalog.Automations.Select(Signature).ToList();
        if (others.Count == Configs.Length)
        {
            others.RemoveAt(target);
        }

        return catalog.Automations.Count + catalog.Skipped == Configs.Length
            && others.SequenceEqual(baseline.Where((_, i) => i != target));
    }

    private static string Signature(HaAutomation a) =>
        string.Join('|', a.Alias, string.Join(',', a.Triggers), string.Join(',', a.TriggerTimes), string.Join(',', a.Conditions),
            string.Join(',', a.Actions.Select(x => x.Action + ":" + string.Join('+', x.Entities))));

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode step = new JsonObject { ["action"] = "light.turn_on", ["target"] = new JsonObject { ["entity_id"] = "light.deep" } };
        for (var i = 0; i < depth; i++)
        {
            step = new JsonObject { ["sequence"] = new JsonArray(step) };
        }

        return new JsonArray(step);
    }
}
