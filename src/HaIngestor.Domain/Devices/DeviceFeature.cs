namespace HaIngestor.Domain.Devices;

/// <summary>One leaf feature of a device, flattened out of its <c>exposes</c> tree.</summary>
/// <remarks>
/// Value representation: <see cref="ValueOn"/>, <see cref="ValueOff"/>, <see cref="ValueToggle"/> and preset values
/// are canonical JSON text (see <see cref="JsonValueText"/>), the same text <see cref="DeviceStatePayload.TryFlatten"/>
/// produces, so a state value compares with them by ordinal string equality. <see cref="Values"/> holds enum values as
/// plain text (strings unquoted), as a person reads them.
/// </remarks>
/// <param name="Path">Dotted path of names from the top-level expose, e.g. <c>color_xy.x</c>.</param>
/// <param name="Property">The key in state messages (<c>state_l1</c>, <c>x</c> inside <c>color</c>).</param>
/// <param name="StatePath">The dotted key path inside the state payload, e.g. <c>color.x</c>.</param>
/// <param name="Type">Expose type: numeric, enum, binary, text, list, composite (one without features), or <c>unknown</c>.</param>
/// <param name="Access">Access bits.</param>
/// <param name="Container">The specific-type node it belongs to (light, switch, cover, lock, climate, fan), if any.</param>
/// <param name="Endpoint">The endpoint name when the feature is endpoint-specific (its own or its container's).</param>
/// <param name="Unit">Numeric unit.</param>
/// <param name="Min">Numeric minimum.</param>
/// <param name="Max">Numeric maximum.</param>
/// <param name="Step">Numeric step.</param>
/// <param name="Values">Enum values as plain text.</param>
/// <param name="ValueOn">Binary on value, as JSON text (<c>"ON"</c> or <c>true</c>).</param>
/// <param name="ValueOff">Binary off value, as JSON text.</param>
/// <param name="Category">config or diagnostic, when given.</param>
/// <param name="Label">Human label.</param>
/// <param name="ValueToggle">Binary toggle value, as JSON text.</param>
/// <param name="Description">Human description.</param>
/// <param name="ItemType">For a list: the type of its <c>item_type</c> node (numeric, enum, text, composite).</param>
/// <param name="Presets">Numeric presets, from the array or the object form.</param>
/// <param name="RawJson">For an <c>unknown</c> feature: the expose node as received, so nothing is lost.</param>
public sealed record DeviceFeature(
    string Path,
    string Property,
    string StatePath,
    string Type,
    FeatureAccess Access,
    string? Container = null,
    string? Endpoint = null,
    string? Unit = null,
    double? Min = null,
    double? Max = null,
    double? Step = null,
    IReadOnlyList<string>? Values = null,
    string? ValueOn = null,
    string? ValueOff = null,
    string? Category = null,
    string? Label = null,
    string? ValueToggle = null,
    string? Description = null,
    string? ItemType = null,
    IReadOnlyList<FeaturePreset>? Presets = null,
    string? RawJson = null)
{
    /// <summary>What the feature is for: config and diagnostic categories first, then settable, then observable.</summary>
    public FeatureRole Role => Category switch
    {
        "config" => FeatureRole.Configuration,
        "diagnostic" => FeatureRole.Diagnostic,
        _ => Access.Set ? FeatureRole.Controllable : FeatureRole.Observable,
    };
}
