using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Writes an automation as YAML the way Home Assistant's automations.yaml looks: block style, keys in
/// their order, sequences indented under their key. A string is written plain only when no YAML parser
/// (1.1, which HA's reads <c>on</c>/<c>off</c>/<c>yes</c> as booleans and <c>07:00</c> as a number, or 1.2)
/// could read it as anything else; otherwise it is double-quoted.
/// </summary>
public static class AutomationYaml
{
    private const int Indent = 2;

    private static readonly HashSet<string> Reserved = new(
        ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"],
        StringComparer.OrdinalIgnoreCase);

    public static string ToYaml(JsonObject automation)
    {
        var yaml = new StringBuilder();
        WriteMapping(yaml, automation, 0, firstInline: false);
        return yaml.ToString();
    }

    private static void WriteMapping(StringBuilder yaml, JsonObject mapping, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in mapping)
        {
            if (!(first && firstInline))
            {
                yaml.Append(' ', indent);
            }

            first = false;
            yaml.Append(Scalar(key)).Append(':');
            WriteValue(yaml, value, indent + Indent);
        }
    }

    private static void WriteSequence(StringBuilder yaml, JsonArray sequence, int indent)
    {
        foreach (var item in sequence)
        {
            yaml.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } mapping)
            {
                yaml.Append(' ');
                WriteMapping(yaml, mapping, indent + Indent, firstInline: true);
            }
            else
            {
                WriteValue(yaml, item, indent + Indent);
            }
        }
    }

    /// <summary>Writes what follows a key's colon or a sequence dash, ending the line.</summary>
    private static void WriteValue(StringBuilder yaml, JsonNode? value, int childIndent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                yaml.Append(" {}\n");
                break;
            case JsonObject mapping:
                yaml.Append('\n');
                WriteMapping(yaml, mapping, childIndent, firstInline: false);
                break;
            case JsonArray { Count: 0 }:
                yaml.Append(" []\n");
                break;
            case JsonArray sequence:
                yaml.Append('\n');
                WriteSequence(yaml, sequence, childIndent);
                break;
            default:
                yaml.Append(' ').Append(ScalarOf(value)).Append('\n');
                break;
        }
    }

    private static string ScalarOf(JsonNode? value) =>
        value is null ? "null"
        : value.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => value.ToJsonString(),
        };

    private static string Scalar(string text) => CanBePlain(text) ? text : DoubleQuoted(text);

    private static bool CanBePlain(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_') || Reserved.Contains(text) || text[^1] == ' ')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '.' or '/' or '(' or ')' or '\''))
            {
                return false;
            }
        }

        return true;
    }

    private static string DoubleQuoted(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' =>
                    quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
