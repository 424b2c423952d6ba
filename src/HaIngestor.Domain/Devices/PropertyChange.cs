namespace HaIngestor.Domain.Devices;

/// <summary>One property of a device's state that took a new value.</summary>
/// <param name="StatePath">Dotted key path in the state payload (<c>state_l1</c>, <c>color.x</c>).</param>
/// <param name="OldValue">The previous value as JSON text, null when first seen.</param>
/// <param name="NewValue">The new value as JSON text (<c>"ON"</c>, <c>254</c>, <c>true</c>).</param>
/// <param name="Origin">Who caused it, when the source tells; null applies the MQTT rule (<see cref="UsageOrigins.FromMqtt"/>).</param>
public sealed record PropertyChange(string StatePath, string? OldValue, string NewValue, UsageOrigin? Origin = null);
