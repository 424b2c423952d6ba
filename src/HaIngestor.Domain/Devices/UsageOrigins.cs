namespace HaIngestor.Domain.Devices;

/// <summary>
/// The origin rules (ARCHITECTURE.md section 5) applied to device features, and the origins' JSON names.
/// </summary>
public static class UsageOrigins
{
    public static IReadOnlyList<UsageOrigin> All { get; } = Enum.GetValues<UsageOrigin>();

    /// <summary>
    /// From Home Assistant's context: parent_id set is an automation, user_id set a person in a UI; neither is a physical
    /// action, which on a controllable feature (or a button event) is a person and on an observable one the device.
    /// </summary>
    public static UsageOrigin FromContext(string? userId, string? parentId, DeviceFeature? feature, string statePath) =>
        !string.IsNullOrEmpty(parentId) ? UsageOrigin.Automation
        : !string.IsNullOrEmpty(userId) ? UsageOrigin.Human
        : Physical(feature, statePath, UsageOrigin.Human);

    /// <summary>
    /// A change seen in a <c>zigbee2mqtt/&lt;name&gt;</c> payload, which carries no HA context: an observable reading is the
    /// device's, a button event a person's, a controllable feature's change unknown (a person or HA may have set it;
    /// the device actor does better with the <c>/set</c> commands it saw, see <see cref="RecentCommands"/>).
    /// </summary>
    public static UsageOrigin FromMqtt(DeviceFeature? feature, string statePath) => Physical(feature, statePath, UsageOrigin.Unknown);

    public static string Name(UsageOrigin origin) => origin switch
    {
        UsageOrigin.Human => "human",
        UsageOrigin.Automation => "automation",
        UsageOrigin.Device => "device",
        UsageOrigin.Commanded => "commanded",
        UsageOrigin.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown usage origin"),
    };

    /// <summary>The origin of a JSON name; null for a name this version does not know.</summary>
    public static UsageOrigin? FromName(string? name) => name switch
    {
        "human" => UsageOrigin.Human,
        "automation" => UsageOrigin.Automation,
        "device" => UsageOrigin.Device,
        "commanded" => UsageOrigin.Commanded,
        "unknown" => UsageOrigin.Unknown,
        _ => null,
    };

    private static UsageOrigin Physical(DeviceFeature? feature, string statePath, UsageOrigin controllable)
    {
        // A remote's action is a button someone pressed, although the feature is only reported.
        if (DeviceStatePayload.IsEventKey(statePath))
        {
            return UsageOrigin.Human;
        }

        return feature is null ? UsageOrigin.Unknown
            : feature.Access.Set ? controllable
            : UsageOrigin.Device;
    }
}
