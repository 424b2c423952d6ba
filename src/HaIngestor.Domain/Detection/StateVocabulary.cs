using System.Collections.Frozen;
using System.Globalization;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// What a state string means to the detectors: HA placeholders, measurements (numbers), and the
/// "on-like" / "off-like" states of switch-like entities across HA's domains.
/// </summary>
internal static class StateVocabulary
{
    /// <summary>States that start something a person keeps running (light on, door open, media playing).</summary>
    private static readonly FrozenSet<string> OnLike = new[]
    {
        "on", "open", "opening", "playing", "unlocked", "unlocking", "heat", "cool", "heat_cool", "dry", "fan_only", "cleaning",
    }.ToFrozenSet();

    /// <summary>States that end it.</summary>
    private static readonly FrozenSet<string> OffLike = new[]
    {
        "off", "closed", "closing", "idle", "paused", "standby", "stopped", "locked", "locking", "docked", "returning",
    }.ToFrozenSet();

    /// <summary>Domains whose changes are never a person's doing, whatever their context says.</summary>
    private static readonly FrozenSet<string> NonHumanDomains = new[] { "sun", "weather", "update" }.ToFrozenSet();

    public static bool IsPlaceholder(string state) => state is "unavailable" or "unknown" or "";

    public static bool IsOnLike(string state) => OnLike.Contains(state);

    public static bool IsOffLike(string state) => OffLike.Contains(state);

    /// <summary>A measurement such as <c>21.5</c>: a value, not an action.</summary>
    public static bool IsNumeric(string state) =>
        state.Length > 0 && (char.IsAsciiDigit(state[0]) || state[0] is '-' or '+' or '.')
        && double.TryParse(state, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static bool IsNonHumanDomain(string entityId)
    {
        var dot = entityId.IndexOf('.');
        return dot > 0 && NonHumanDomains.Contains(entityId[..dot]);
    }
}
