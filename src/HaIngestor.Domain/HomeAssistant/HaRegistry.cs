using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaIngestor.Domain.HomeAssistant;

/// <summary>
/// What Home Assistant's entity and device registries say about references an automation makes without naming an
/// entity: device triggers and conditions name the entity by its registry id (32 hex digits) and the device by its
/// id, and action targets may be a device or an area. Built from the results of the WebSocket commands
/// <c>config/entity_registry/list</c> and <c>config/device_registry/list</c>; malformed entries are skipped and counted.
/// </summary>
public sealed class HaRegistry
{
    private readonly Dictionary<string, string> entityByRegistryId;
    private readonly Dictionary<string, List<string>> entitiesByDevice;
    private readonly Dictionary<string, List<string>> entitiesByArea;

    private HaRegistry(Dictionary<string, string> byRegistryId, Dictionary<string, List<string>> byDevice, Dictionary<string, List<string>> byArea, int skipped)
    {
        entityByRegistryId = byRegistryId;
        entitiesByDevice = byDevice;
        entitiesByArea = byArea;
        Skipped = skipped;
    }

    /// <summary>Registry entries that were not usable (no id, no entity_id, not an object).</summary>
    public int Skipped { get; }

    public int EntityCount => entityByRegistryId.Count;

    /// <summary>The registries' two lists; an entity's area is its own, else its device's.</summary>
    public static HaRegistry From(JsonNode? entities, JsonNode? devices)
    {
        var skipped = 0;
        var deviceAreas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in devices as JsonArray ?? [])
        {
            if (device is JsonObject d && Text(d["id"]) is { } id)
            {
                if (Text(d["area_id"]) is { } area)
                {
                    deviceAreas[id] = area;
                }
            }
            else
            {
                skipped++;
            }
        }

        var byRegistryId = new Dictionary<string, string>(StringComparer.Ordinal);
        var byDevice = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byArea = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entity in entities as JsonArray ?? [])
        {
            if (entity is not JsonObject e || Text(e["id"]) is not { } registryId || Text(e["entity_id"]) is not { } entityId)
            {
                skipped++;
                continue;
            }

            byRegistryId[registryId] = entityId;
            var deviceId = Text(e["device_id"]);
            if (deviceId is not null)
            {
                Add(byDevice, deviceId, entityId);
            }

            if ((Text(e["area_id"]) ?? (deviceId is null ? null : deviceAreas.GetValueOrDefault(deviceId))) is { } area)
            {
                Add(byArea, area, entityId);
            }
        }

        return new HaRegistry(byRegistryId, byDevice, byArea, skipped);
    }

    public string? EntityOfRegistryId(string registryId) => entityByRegistryId.GetValueOrDefault(registryId);

    /// <summary>The device's entities, or null when the registry does not know the device.</summary>
    public IReadOnlyList<string>? EntitiesOfDevice(string deviceId) => entitiesByDevice.GetValueOrDefault(deviceId);

    /// <summary>The area's entities (their own area, or their device's), or null when no entity is in it.</summary>
    public IReadOnlyList<string>? EntitiesOfArea(string areaId) => entitiesByArea.GetValueOrDefault(areaId);

    private static void Add(Dictionary<string, List<string>> map, string key, string entityId) =>
        (map.TryGetValue(key, out var list) ? list : map[key] = []).Add(entityId);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
