namespace HaIngestor.Domain.Devices;

/// <summary>A named value of a numeric feature (<c>coolest</c> → 150, <c>previous</c> → <c>"previous"</c>).</summary>
/// <param name="Name">Preset name.</param>
/// <param name="Value">The value as JSON text: a number, a quoted string, or <c>null</c>.</param>
/// <param name="Description">Human description, when given.</param>
public sealed record FeaturePreset(string Name, string Value, string? Description);
