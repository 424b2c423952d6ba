using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaIngestor.Domain.HomeAssistant;

/// <summary>
/// Reads which entities one Home Assistant automation config uses, by role, in both syntaxes HA accepts: modern
/// (<c>triggers:</c> / <c>conditions:</c> / <c>actions:</c>, items keyed <c>trigger:</c> / <c>condition:</c> /
/// <c>action:</c>) and legacy (<c>trigger:</c> / <c>condition:</c> / <c>action:</c> lists, items keyed
/// <c>platform:</c> / <c>service:</c>). Items with <c>enabled: false</c> are ignored, as HA ignores them. Never
/// throws: a part it cannot read is skipped and described in the problems. Devices, areas and entity registry ids
/// are resolved to entities through HA's registries when they are at hand, and kept as unresolved otherwise. An
/// automation made from a blueprint (<c>use_blueprint:</c>) holds only the blueprint's inputs: HA's own motion-light
/// blueprint is read by what its inputs mean, any other blueprint is kept as unresolved.
/// </summary>
public static class AutomationConfigReader
{
    /// <summary>Depth beyond which nested blocks are not followed: real configs are shallow, and hostile input must not exhaust the stack.</summary>
    private const int MaxDepth = 32;

    private const string MotionLightBlueprint = "homeassistant/motion_light.yaml";

    private static readonly string[] TimeFormats = ["H:mm:ss", "H:mm", "HH:mm:ss", "HH:mm"];

    /// <summary>The automation's uses, or null (with a problem) when its config is not a mapping.</summary>
    public static HaAutomation? Read(HaAutomationEntry entry, ICollection<string> problems, HaRegistry? registry = null)
    {
        if (entry.Config is not JsonObject config)
        {
            problems.Add($"{entry.EntityId ?? "an automation"}: config is not a mapping");
            return null;
        }

        var id = Text(config["id"]);
        var alias = Text(config["alias"]) ?? id ?? entry.EntityId ?? "(unnamed)";
        var reading = new Reading(alias, problems, registry);
        if (config["use_blueprint"] is JsonObject blueprint)
        {
            reading.Blueprint(blueprint);
        }

        reading.Triggers(config["triggers"] ?? config["trigger"], "triggers", 0);
        reading.Conditions(config["conditions"] ?? config["condition"], "conditions", 0);
        reading.Actions(config["actions"] ?? config["action"], "actions", 0);
        return new HaAutomation(
            id,
            entry.EntityId,
            alias,
            entry.Enabled,
            reading.TriggerUses.Distinct().ToList(),
            reading.Times.Distinct().ToList(),
            reading.ConditionUses.Distinct().ToList(),
            reading.ActionUses,
            reading.Unresolved.Distinct(StringComparer.Ordinal).ToList());
    }

    private sealed class Reading(string alias, ICollection<string> problems, HaRegistry? registry)
    {
        public List<EntityReference> TriggerUses { get; } = [];

        public List<TimeOnly> Times { get; } = [];

        public List<EntityReference> ConditionUses { get; } = [];

        public List<AutomationActionUse> ActionUses { get; } = [];

        public List<string> Unresolved { get; } = [];

        /// <summary>
        /// HA's motion-light blueprint turns <c>light_target</c> on when <c>motion_entity</c> turns on and off after a
        /// wait; it has no conditions. What any other blueprint does with its inputs is not known here.
        /// </summary>
        public void Blueprint(JsonObject blueprint)
        {
            var path = Text(blueprint["path"]) ?? "(no path)";
            var input = blueprint["input"] as JsonObject;
            if (path != MotionLightBlueprint || input is null)
            {
                Unresolved.Add("blueprint " + path);
                return;
            }

            TriggerUses.AddRange(EntityIds(input["motion_entity"]).Select(e => new EntityReference(e)));
            var target = new JsonObject { ["target"] = input["light_target"]?.DeepClone() };
            Call(target, "light.turn_on", "use_blueprint.input");
            Call(target, "light.turn_off", "use_blueprint.input");
        }

        public void Triggers(JsonNode? node, string where, int depth)
        {
            foreach (var (item, path) in Items(node, where))
            {
                if (Deeper(path, depth) || Disabled(item))
                {
                    continue;
                }

                if (item is not JsonObject trigger)
                {
                    Skip(path, "is not a mapping");
                    continue;
                }

                if (trigger.ContainsKey("triggers") && Text(trigger["trigger"]) is null && Text(trigger["platform"]) is null)
                {
                    Triggers(trigger["triggers"], path + ".triggers", depth + 1);
                    continue;
                }

                var attribute = Text(trigger["attribute"]);
                TriggerUses.AddRange(EntityIds(trigger["entity_id"]).Select(e => new EntityReference(e, attribute)));
                TriggerUses.AddRange(Templates(trigger["value_template"]));
                TriggerUses.AddRange(DeviceWithoutEntity(trigger).Select(e => new EntityReference(e)));
                if (Text(trigger["trigger"]) is "time" || Text(trigger["platform"]) is "time")
                {
                    TimeTrigger(trigger["at"], path);
                }
                else if (Text(trigger["trigger"]) is "zone" or "geo_location" || Text(trigger["platform"]) is "zone" or "geo_location")
                {
                    TriggerUses.AddRange(EntityIds(trigger["zone"]).Select(e => new EntityReference(e)));
                }
            }
        }

        public void Conditions(JsonNode? node, string where, int depth)
        {
            foreach (var (item, path) in Items(node, where))
            {
                if (Deeper(path, depth) || Disabled(item))
                {
                    continue;
                }

                if (item is JsonValue && Text(item) is { } shorthand)
                {
                    ConditionUses.AddRange(TemplateEntities.Of(shorthand));
                    continue;
                }

                if (item is not JsonObject condition)
                {
                    Skip(path, "is not a mapping or a template");
                    continue;
                }

                Condition(condition, path, depth);
            }
        }

        public void Actions(JsonNode? node, string where, int depth)
        {
            foreach (var (item, path) in Items(node, where))
            {
                if (Deeper(path, depth) || Disabled(item))
                {
                    continue;
                }

                if (item is not JsonObject step)
                {
                    Skip(path, "is not a mapping");
                    continue;
                }

                Action(step, path, depth);
            }
        }

        private void Condition(JsonObject condition, string path, int depth)
        {
            var kind = Text(condition["condition"]);
            if (kind is "and" or "or" or "not")
            {
                Conditions(condition["conditions"], path + ".conditions", depth + 1);
                return;
            }

            // The shorthand "- or: [...]" names the group by its key.
            if (kind is null && (condition["and"] ?? condition["or"] ?? condition["not"]) is { } group)
            {
                Conditions(group, path, depth + 1);
                return;
            }

            if (kind is null)
            {
                Skip(path, "has no 'condition:'");
                return;
            }

            var attribute = Text(condition["attribute"]);
            ConditionUses.AddRange(EntityIds(condition["entity_id"]).Select(e => new EntityReference(e, attribute)));
            ConditionUses.AddRange(Templates(condition["value_template"]));
            ConditionUses.AddRange(DeviceWithoutEntity(condition).Select(e => new EntityReference(e)));
            if (kind is "zone")
            {
                ConditionUses.AddRange(EntityIds(condition["zone"]).Select(e => new EntityReference(e)));
            }
            else if (kind is "time")
            {
                // after/before may name an input_datetime or a time sensor instead of a literal time.
                ConditionUses.AddRange(EntityIds(condition["after"]).Concat(EntityIds(condition["before"])).Select(e => new EntityReference(e)));
            }
        }

        private void Action(JsonObject step, string path, int depth)
        {
            var service = Text(step["action"]) ?? Text(step["service"]);
            if (service is not null || step.ContainsKey("target"))
            {
                Call(step, service, path);
            }
            else if (Text(step["scene"]) is { } scene)
            {
                ActionUses.Add(new AutomationActionUse("scene.turn_on", EntityIds(JsonValue.Create(scene)).ToList(), [], []));
            }
            else if (step.ContainsKey("condition") || step.ContainsKey("and") || step.ContainsKey("or") || step.ContainsKey("not"))
            {
                Condition(step, path, depth);
            }
            else if (step.ContainsKey("device_id") && step.ContainsKey("domain"))
            {
                var domain = Text(step["domain"]);
                var devices = Strings(step["device_id"]).ToList();
                var entities = step.ContainsKey("entity_id") ? EntityIds(step["entity_id"]) : devices.SelectMany(d => DeviceEntities(d, domain));
                ActionUses.Add(new AutomationActionUse(
                    domain is not null && Text(step["type"]) is { } type ? domain + "." + type : null,
                    entities.Distinct(StringComparer.Ordinal).ToList(),
                    devices,
                    []));
            }

            if (step["choose"] is { } choose)
            {
                foreach (var (option, optionPath) in Items(choose, path + ".choose"))
                {
                    if (Disabled(option))
                    {
                        continue;
                    }

                    if (option is not JsonObject chosen)
                    {
                        Skip(optionPath, "is not a mapping");
                        continue;
                    }

                    Conditions(chosen["conditions"], optionPath + ".conditions", depth + 1);
                    Actions(chosen["sequence"], optionPath + ".sequence", depth + 1);
                }

                Actions(step["default"], path + ".default", depth + 1);
            }

            if (step.ContainsKey("if"))
            {
                Conditions(step["if"], path + ".if", depth + 1);
                Actions(step["then"], path + ".then", depth + 1);
                Actions(step["else"], path + ".else", depth + 1);
            }

            Actions(step["sequence"], path + ".sequence", depth + 1);
            Actions(step["parallel"], path + ".parallel", depth + 1);
            if (step["repeat"] is JsonObject repeat)
            {
                Conditions(repeat["while"], path + ".repeat.while", depth + 1);
                Conditions(repeat["until"], path + ".repeat.until", depth + 1);
                Actions(repeat["sequence"], path + ".repeat.sequence", depth + 1);
            }

            if (Text(step["wait_template"]) is { } wait)
            {
                ConditionUses.AddRange(TemplateEntities.Of(wait));
            }

            Triggers(step["wait_for_trigger"], path + ".wait_for_trigger", depth + 1);
        }

        private void Call(JsonObject step, string? service, string path)
        {
            var target = step["target"] as JsonObject;
            var data = (step["data"] ?? step["data_template"]) as JsonObject;
            if (service is not null && TemplateEntities.IsTemplate(service))
            {
                service = null;
            }

            var domain = service?[..Math.Max(0, service.IndexOf('.'))];
            var devices = Strings(target?["device_id"]).Concat(Strings(step["device_id"])).Concat(Strings(data?["device_id"])).Distinct(StringComparer.Ordinal).ToList();
            var areas = Strings(target?["area_id"]).Concat(Strings(data?["area_id"])).Distinct(StringComparer.Ordinal).ToList();
            var entities = EntityIds(target?["entity_id"])
                .Concat(EntityIds(step["entity_id"]))
                .Concat(EntityIds(data?["entity_id"]))
                .Concat(devices.SelectMany(d => DeviceEntities(d, domain)))
                .Concat(areas.SelectMany(a => AreaEntities(a, domain)))
                .Distinct(StringComparer.Ordinal)
                .ToList();

            if (step["target"] is { } badTarget && target is null && !(badTarget is JsonValue && Text(badTarget) is { } t && TemplateEntities.IsTemplate(t)))
            {
                Skip(path + ".target", "is not a mapping");
            }

            ActionUses.Add(new AutomationActionUse(service, entities, devices, areas));
        }

        private void TimeTrigger(JsonNode? at, string path)
        {
            foreach (var (item, itemPath) in Items(at, path + ".at"))
            {
                if (item is JsonObject withOffset)
                {
                    TriggerUses.AddRange(EntityIds(withOffset["entity_id"]).Select(e => new EntityReference(e)));
                }
                else if (Text(item) is { } text)
                {
                    if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                    {
                        Times.Add(time);
                    }
                    else if (LooksLikeEntityId(text))
                    {
                        TriggerUses.Add(new EntityReference(text.Trim()));
                    }
                    else
                    {
                        Skip(itemPath, $"'{text}' is neither a time nor an entity");
                    }
                }
                else if (item is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                         && int.TryParse(value.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 86400)
                {
                    // A YAML 1.1 loader reads an unquoted 07:30 as sexagesimal seconds.
                    Times.Add(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)));
                }
                else
                {
                    Skip(itemPath, "is neither a time nor an entity");
                }
            }
        }

        /// <summary>The entities a device trigger or condition means when it names only its device (a remote's button, say).</summary>
        private IEnumerable<string> DeviceWithoutEntity(JsonObject item) =>
            item.ContainsKey("entity_id") ? [] : Strings(item["device_id"]).SelectMany(d => DeviceEntities(d, Text(item["domain"]))).ToList();

        /// <summary>The device's entities of <paramref name="domain"/> when it has any, else all of them; unresolved when unknown.</summary>
        private IEnumerable<string> DeviceEntities(string deviceId, string? domain)
        {
            if (registry?.EntitiesOfDevice(deviceId) is not { } entities)
            {
                Unresolved.Add(deviceId);
                return [];
            }

            return OfDomain(entities, domain);
        }

        private IEnumerable<string> AreaEntities(string areaId, string? domain)
        {
            if (TemplateEntities.IsTemplate(areaId) || areaId is "all" or "none")
            {
                return [];
            }

            if (registry?.EntitiesOfArea(areaId) is not { } entities)
            {
                Unresolved.Add(areaId);
                return [];
            }

            return OfDomain(entities, domain);
        }

        private static IEnumerable<string> OfDomain(IReadOnlyList<string> entities, string? domain)
        {
            var ofDomain = domain is null or "homeassistant" ? [] : entities.Where(e => e.StartsWith(domain + ".", StringComparison.Ordinal)).ToList();
            return ofDomain.Count > 0 ? ofDomain : entities;
        }

        private IEnumerable<EntityReference> Templates(JsonNode? node) =>
            Text(node) is { } template ? TemplateEntities.Of(template) : [];

        /// <summary>Entity ids from a string (possibly comma-separated, as HA accepts), a list, or a template.</summary>
        private IEnumerable<string> EntityIds(JsonNode? node)
        {
            foreach (var text in Strings(node))
            {
                if (TemplateEntities.IsTemplate(text))
                {
                    foreach (var reference in TemplateEntities.Of(text))
                    {
                        yield return reference.EntityId;
                    }

                    continue;
                }

                foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (part.Equals("all", StringComparison.OrdinalIgnoreCase) || part.Equals("none", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    // Device triggers, conditions and actions name their entity by its registry id.
                    if (part.Length == 32 && part.All(char.IsAsciiHexDigit))
                    {
                        if (registry?.EntityOfRegistryId(part.ToLowerInvariant()) is { } resolved)
                        {
                            yield return resolved;
                        }
                        else
                        {
                            Unresolved.Add(part);
                        }

                        continue;
                    }

                    if (LooksLikeEntityId(part))
                    {
                        yield return part.ToLowerInvariant();
                    }
                    else
                    {
                        Skip("entity_id", $"'{part}' is not an entity id");
                    }
                }
            }
        }

        private bool Deeper(string path, int depth)
        {
            if (depth <= MaxDepth)
            {
                return false;
            }

            Skip(path, $"is nested deeper than {MaxDepth} levels");
            return true;
        }

        private void Skip(string path, string why) => problems.Add($"{alias}: {path} {why}; skipped");
    }

    /// <summary>A list's items, or a single item HA accepts in place of a list, each with its path.</summary>
    private static IEnumerable<(JsonNode? Item, string Path)> Items(JsonNode? node, string where) => node switch
    {
        null => [],
        JsonArray list => list.Select((item, i) => (item, $"{where}[{i}]")),
        _ => [(node, where)],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(Text).OfType<string>(),
        _ when Text(node) is { } one => [one],
        _ => [],
    };

    private static bool Disabled(JsonNode? item) =>
        item is JsonObject o && o["enabled"] is JsonValue enabled && enabled.GetValueKind() == JsonValueKind.False;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool LooksLikeEntityId(string text)
    {
        var dot = text.IndexOf('.');
        return dot > 0 && dot < text.Length - 1 && text.IndexOf('.', dot + 1) < 0
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
    }
}
