namespace HaIngestor.Domain.Time;

/// <summary>What the analysis knows about the home itself (home.json, HA's config and registries).</summary>
/// <param name="Name">Display name.</param>
/// <param name="TimeZoneId">IANA time zone, e.g. <c>Europe/Madrid</c>.</param>
/// <param name="Latitude">Degrees north, when known.</param>
/// <param name="Longitude">Degrees east, when known.</param>
/// <param name="Areas">Area ids.</param>
/// <param name="EntityAreas">entity_id → area id, from HA's registries or home.json.</param>
public sealed record HomeProfile(
    string Name,
    string TimeZoneId,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<string> Areas,
    IReadOnlyDictionary<string, string> EntityAreas)
{
    /// <summary>The home's calendar (local time, DST).</summary>
    public HomeCalendar Calendar => new(TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    // Logged at start-up: the lists as counts, not as type names.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Name = {Name}, TimeZoneId = {TimeZoneId}, Latitude = {Latitude}, Longitude = {Longitude}, Areas = {Areas.Count}, EntityAreas = {EntityAreas.Count}");
        return true;
    }

    /// <summary>A home that only knows its time zone.</summary>
    public static HomeProfile ForTimeZone(string timeZoneId, string name = "home") =>
        new(name, timeZoneId, null, null, [], new Dictionary<string, string>());
}
