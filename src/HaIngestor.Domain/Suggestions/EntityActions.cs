using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Suggestions;

/// <summary>
/// Which entity states Home Assistant can bring about with an action. Sensors (<c>binary_sensor.</c>,
/// <c>sensor.</c>, <c>event.</c>, ...) only report the world, so their routines are patterns, never automations.
/// </summary>
public static class EntityActions
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoData = [];

    private static readonly HashSet<string> HvacModes =
        new(["off", "heat", "cool", "heat_cool", "auto", "dry", "fan_only"], StringComparer.Ordinal);

    /// <summary>The action that puts <paramref name="entityId"/> into <paramref name="state"/>, or null when there is none.</summary>
    public static ServiceCall? For(string entityId, string state)
    {
        var dot = entityId.IndexOf('.');
        if (dot <= 0 || dot == entityId.Length - 1)
        {
            return null;
        }

        var domain = entityId[..dot];
        return (domain, state) switch
        {
            ("light" or "switch" or "fan" or "input_boolean" or "media_player", "on") => Call(domain, "turn_on", "Turn on {0}", "{0} was turned on"),
            ("light" or "switch" or "fan" or "input_boolean" or "media_player", "off") => Call(domain, "turn_off", "Turn off {0}", "{0} was turned off"),
            ("cover", "open") => Call(domain, "open_cover", "Open {0}", "{0} was opened"),
            ("cover", "closed") => Call(domain, "close_cover", "Close {0}", "{0} was closed"),
            ("lock", "locked") => Call(domain, "lock", "Lock {0}", "{0} was locked"),
            ("lock", "unlocked") => Call(domain, "unlock", "Unlock {0}", "{0} was unlocked"),
            ("climate", _) when HvacModes.Contains(state) =>
                new ServiceCall(
                    "climate.set_hvac_mode",
                    "Set {0} to " + state.Replace('_', ' '),
                    "{0} was set to " + state.Replace('_', ' '),
                    [new("hvac_mode", state)]),
            ("scene", BehaviourState.Activated) => Call(domain, "turn_on", "Activate {0}", "{0} was activated"),
            ("button" or "input_button", BehaviourState.Activated) => Call(domain, "press", "Press {0}", "{0} was pressed"),
            _ => null,
        };
    }

    private static ServiceCall Call(string domain, string service, string phrase, string observed) =>
        new(domain + "." + service, phrase, observed, NoData);
}
