using System.Text.Json;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// The <c>"home_assistant"</c> object of a run report and of <c>analyze --json</c>: whether Home Assistant's automations
/// were checked, from where, and how many suggestions they made unnecessary.
/// </summary>
public static class HomeAssistantCheckJson
{
    /// <summary>Writes <c>"home_assistant": {..}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, HomeAssistantCheck check)
    {
        writer.WriteStartObject("home_assistant");
        writer.WriteBoolean("checked", check.Checked);
        if (check.Source is { } source)
        {
            writer.WriteString("source", source);
        }

        writer.WriteNumber("automations", check.Automations);
        writer.WriteNumber("enabled", check.Enabled);
        writer.WriteNumber("skipped", check.Skipped);
        writer.WriteNumber("already_automated", check.AlreadyAutomated);
        if (check.Reason is { } reason)
        {
            writer.WriteString("reason", reason);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="JsonException"/> naming the bad field.</summary>
    public static HomeAssistantCheck Read(JsonElement check)
    {
        if (check.ValueKind != JsonValueKind.Object || !check.TryGetProperty("checked", out var done) || done.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new JsonException("'home_assistant' is not an object with a boolean 'checked'");
        }

        return new HomeAssistantCheck(
            done.GetBoolean(),
            JsonFields.OptionalString(check, "source"),
            JsonFields.Int(check, "automations"),
            JsonFields.Int(check, "enabled"),
            JsonFields.Int(check, "skipped"),
            JsonFields.Int(check, "already_automated"),
            JsonFields.OptionalString(check, "reason"));
    }
}
