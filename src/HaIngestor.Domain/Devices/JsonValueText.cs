using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// The one text form of a JSON value used for device values: strings quoted and escaped minimally (only <c>"</c>,
/// <c>\</c> and control characters, so <c>"Salón"</c> stays readable), numbers exactly as received, <c>true</c>,
/// <c>false</c>, <c>null</c>, arrays and objects compact. Two equal values from differently escaped or indented
/// sources get the same text, so values compare by ordinal string equality.
/// </summary>
public static class JsonValueText
{
    private static readonly JsonWriterOptions CompactWriter = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>The canonical JSON text of <paramref name="element"/>.</summary>
    public static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Quote(element.GetString() ?? string.Empty),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => Compact(element),
    };

    /// <summary>A string as canonical JSON text.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// The value as a person (and Home Assistant) writes it: strings unquoted, numbers in invariant culture,
    /// <c>true</c>/<c>false</c>, arrays and objects as their JSON text. Null for JSON <c>null</c>.
    /// Text that is not a JSON value is returned unchanged.
    /// </summary>
    public static string? ToPlain(string jsonText)
    {
        if (jsonText.Length == 0)
        {
            return jsonText;
        }

        switch (jsonText[0])
        {
            case '"':
                return Unquote(jsonText);
            case 'n' when jsonText == "null":
                return null;
            case '-' or (>= '0' and <= '9'):
                return double.TryParse(jsonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : jsonText;
            default:
                return jsonText;
        }
    }

    private static string Unquote(string jsonText)
    {
        if (jsonText.Length >= 2 && jsonText[^1] == '"' && jsonText.IndexOf('\\') < 0)
        {
            return jsonText[1..^1];
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(jsonText));
            return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : jsonText;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return jsonText;
        }
    }

    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
