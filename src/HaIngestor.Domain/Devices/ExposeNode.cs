using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// The members of one expose node, read in a single pass over the object (looking members up one by one costs a
/// scan each, which dominates parsing for large device lists). Members of an unexpected JSON type read as absent.
/// </summary>
internal readonly record struct ExposeNode(
    string? Type,
    string? Name,
    string? Property,
    int? Access,
    string? Endpoint,
    string? Unit,
    double? Min,
    double? Max,
    double? Step,
    string? ValueOn,
    string? ValueOff,
    string? ValueToggle,
    string? Category,
    string? Label,
    string? Description,
    JsonElement Features,
    JsonElement Values,
    JsonElement ItemType,
    JsonElement Presets)
{
    public static ExposeNode Read(JsonElement node)
    {
        var fields = default(ExposeNode);
        foreach (var member in node.EnumerateObject())
        {
            var value = member.Value;
            if (member.NameEquals("type"u8)) fields = fields with { Type = Text(value) };
            else if (member.NameEquals("name"u8)) fields = fields with { Name = Text(value) };
            else if (member.NameEquals("property"u8)) fields = fields with { Property = Text(value) };
            else if (member.NameEquals("access"u8)) fields = fields with { Access = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var bits) ? bits : null };
            else if (member.NameEquals("endpoint"u8)) fields = fields with { Endpoint = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Text(value) };
            else if (member.NameEquals("features"u8)) fields = fields with { Features = value };
            else if (member.NameEquals("values"u8)) fields = fields with { Values = value };
            else if (member.NameEquals("value_on"u8)) fields = fields with { ValueOn = JsonValueText.Of(value) };
            else if (member.NameEquals("value_off"u8)) fields = fields with { ValueOff = JsonValueText.Of(value) };
            else if (member.NameEquals("value_toggle"u8)) fields = fields with { ValueToggle = JsonValueText.Of(value) };
            else if (member.NameEquals("value_min"u8)) fields = fields with { Min = Number(value) };
            else if (member.NameEquals("value_max"u8)) fields = fields with { Max = Number(value) };
            else if (member.NameEquals("value_step"u8)) fields = fields with { Step = Number(value) };
            else if (member.NameEquals("unit"u8)) fields = fields with { Unit = Text(value) };
            else if (member.NameEquals("category"u8)) fields = fields with { Category = Text(value) };
            else if (member.NameEquals("label"u8)) fields = fields with { Label = Text(value) };
            else if (member.NameEquals("description"u8)) fields = fields with { Description = Text(value) };
            else if (member.NameEquals("item_type"u8)) fields = fields with { ItemType = value };
            else if (member.NameEquals("presets"u8)) fields = fields with { Presets = value };
        }

        return fields;
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
}
