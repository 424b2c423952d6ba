using System.Globalization;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Which states describe something a person did. Measurements (<c>21.5</c>), timestamps and placeholders
/// do not; entities whose state is the time of their last activation (scenes, buttons, events) become
/// <see cref="Activated"/>, so pressing a button every morning is one routine, not a thousand states.
/// </summary>
public static class BehaviourState
{
    /// <summary>The state of a scene, button or event entity that was activated.</summary>
    public const string Activated = "activated";

    private const int MaxLength = 64;

    /// <summary>Domains whose state is the timestamp of the last activation.</summary>
    public static bool IsActivationDomain(string domain) =>
        domain is "scene" or "button" or "input_button" or "event";

    /// <summary>The state as behaviour evidence, or null when it is not discrete behaviour.</summary>
    public static string? Normalise(string domain, string state)
    {
        if (state.Length is 0 or > MaxLength || state is "unavailable" or "unknown")
        {
            return null;
        }

        if (IsActivationDomain(domain))
        {
            return Activated;
        }

        return LooksNumeric(state) || LooksLikeDate(state) ? null : state;
    }

    private static bool LooksNumeric(string state) =>
        state[0] is (>= '0' and <= '9') or '-' or '+' or '.'
        && double.TryParse(state, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool LooksLikeDate(string state) =>
        state.Length >= 10 && char.IsAsciiDigit(state[0]) && state[4] == '-' && state[7] == '-';
}
