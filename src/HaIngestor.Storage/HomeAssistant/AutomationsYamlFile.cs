using System.Globalization;
using System.Text.Json.Nodes;
using HaIngestor.Domain.HomeAssistant;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HaIngestor.Storage.HomeAssistant;

/// <summary>
/// Reads Home Assistant's <c>automations.yaml</c> for users without an access token. The file does not say whether an
/// automation was turned off in HA's UI, so every automation counts as enabled unless it says <c>initial_state: false</c>.
/// Tags HA resolves itself (<c>!secret</c>, <c>!input</c>, <c>!include</c>) are read as their plain text.
/// </summary>
public sealed class AutomationsYamlFile(string path) : IHaAutomationSource
{
    public const string SourceName = "file";

    public async Task<HaAutomationFetch> ReadAsync(CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HaAutomationFetch.Failed(SourceName, $"{path} cannot be read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>The automations of an automations.yaml text; <paramref name="name"/> names it in reasons.</summary>
    public static HaAutomationFetch Parse(string text, string name)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return HaAutomationFetch.Failed(SourceName, $"{name} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new HaAutomationFetch(SourceName, [], 0, [], null);
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode automations)
        {
            return HaAutomationFetch.Failed(SourceName, $"{name} is not a list of automations");
        }

        var budget = MaxValues;
        var configs = new List<JsonNode?>(automations.Children.Count);
        foreach (var node in automations.Children)
        {
            configs.Add(ToJson(node, 0, ref budget));
            if (budget < 0)
            {
                return HaAutomationFetch.Failed(SourceName, $"{name} expands to more than {MaxValues} values (aliases repeating aliases?)");
            }
        }

        var entries = configs
            .Select(config => new HaAutomationEntry(null, !(config is JsonObject o && o["initial_state"] is JsonValue v && v.TryGetValue<bool>(out var on) && !on), config))
            .ToList();
        return new HaAutomationFetch(SourceName, entries, 0, [], null);
    }

    /// <summary>
    /// Values (mappings, lists, scalars) one file may expand to. A YAML alias repeats its anchor's whole tree, so a few
    /// lines of aliases of aliases expand to billions of values, while a thousand automations of fifty values each are fifty thousand.
    /// </summary>
    public const int MaxValues = 500_000;

    /// <summary>YAML to the JSON HA's config API would give; plain scalars typed as YAML 1.1 reads them (HA's loader).</summary>
    private static JsonNode? ToJson(YamlNode node, int depth, ref int budget)
    {
        if (depth > 64 || --budget < 0)
        {
            return null;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
            {
                var result = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        result[name] = ToJson(value, depth + 1, ref budget);
                    }
                }

                return result;
            }

            case YamlSequenceNode sequence:
            {
                var result = new JsonArray();
                foreach (var child in sequence.Children)
                {
                    result.Add(ToJson(child, depth + 1, ref budget));
                }

                return result;
            }

            case YamlScalarNode { Style: ScalarStyle.Plain } plain when plain.Tag.IsEmpty:
                return Plain(plain.Value);
            case YamlScalarNode scalar:
                return scalar.Value is null ? null : JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }

    private static JsonNode? Plain(string? value)
    {
        switch (value)
        {
            case null or "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }
}
