namespace HaIngestor.Domain.Devices;

/// <summary>One unused feature that an automation could put to work.</summary>
/// <param name="Kind">Which opportunity.</param>
/// <param name="IeeeAddress">The device whose feature is unused.</param>
/// <param name="FriendlyName">Its name.</param>
/// <param name="Feature">State path of the unused feature (<c>color_temp</c>, <c>illuminance</c>, <c>power</c>).</param>
/// <param name="Entities">The HA entities the automation uses, by role (see the role constants).</param>
/// <param name="Numbers">The automation's numbers, by name (see the number constants).</param>
/// <param name="Observed">What was seen, in words, for the suggestion's description.</param>
/// <param name="Uses">How often the device was used (changes of its main feature): the evidence that it matters.</param>
public sealed record FeatureOpportunity(
    FeatureOpportunityKind Kind,
    string IeeeAddress,
    string FriendlyName,
    string Feature,
    IReadOnlyDictionary<string, string> Entities,
    IReadOnlyDictionary<string, double> Numbers,
    string Observed,
    long Uses)
{
    public const string LightRole = "light";
    public const string LightsRole = "lights";
    public const string OccupancyRole = "occupancy";
    public const string IlluminanceRole = "illuminance";
    public const string PowerRole = "power";
    public const string SwitchRole = "switch";

    public const string WarmKelvin = "warm_kelvin";
    public const string CoolKelvin = "cool_kelvin";
    public const string BelowLux = "below_lux";
    public const string BelowWatts = "below_watts";
    public const string ForMinutes = "for_minutes";
    public const string NightBrightnessPercent = "night_brightness_pct";

    /// <summary>The entity ids of a role that holds several, separated by ','.</summary>
    public IReadOnlyList<string> EntityList(string role) =>
        Entities.TryGetValue(role, out var ids) ? ids.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
}
