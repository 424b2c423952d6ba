namespace HaIngestor.Domain.Devices;

/// <summary>
/// The <c>zigbee2mqtt/&lt;name&gt;/set</c> commands a device received lately, to tell who changed a controllable feature
/// over MQTT, which carries no HA context: Home Assistant and its automations command devices through <c>/set</c>, so a
/// change shortly after a command for that property was commanded (by a person in HA or by an automation, which one is
/// not known), and a change with no command was physical: someone at the wall switch or the device's button.
/// A command to a known Zigbee2MQTT group is a command to each member. A command to a name that is neither a device nor
/// a known group may have changed any device: changes close to one stay unknown.
/// Immutable; time is passed in.
/// </summary>
public sealed record RecentCommands(IReadOnlyDictionary<string, DateTimeOffset> LastByProperty, DateTimeOffset? LastGroupCommand)
{
    /// <summary>How long after a command a change still counts as its result.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    public static RecentCommands None { get; } = new(new Dictionary<string, DateTimeOffset>(), null);

    /// <summary>A command for these properties (state paths or keys of a <c>/set</c> payload) at <paramref name="time"/>.</summary>
    public RecentCommands WithCommand(IEnumerable<string> properties, DateTimeOffset time)
    {
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (property, at) in LastByProperty)
        {
            // Only commands still inside the window matter; the rest would only grow the map.
            if (time - at <= Window)
            {
                last[property] = at;
            }
        }

        foreach (var property in properties)
        {
            last[PropertyOf(property)] = time;
        }

        return this with { LastByProperty = last };
    }

    public RecentCommands WithGroupCommand(DateTimeOffset time) => this with { LastGroupCommand = time };

    /// <summary>
    /// The origin of a change seen at <paramref name="time"/>: commanded when its property was commanded within the window
    /// before, human (physical) when the device was not commanded, unknown when a group command may have caused it.
    /// Observable features and button events keep the MQTT rule (device, human).
    /// </summary>
    public UsageOrigin OriginOf(DeviceFeature? feature, string statePath, DateTimeOffset time)
    {
        var mqtt = UsageOrigins.FromMqtt(feature, statePath);
        if (mqtt != UsageOrigin.Unknown || feature is null)
        {
            return mqtt;
        }

        if (LastByProperty.TryGetValue(PropertyOf(statePath), out var commanded) && Within(commanded, time))
        {
            return UsageOrigin.Commanded;
        }

        return LastGroupCommand is { } group && Within(group, time) ? UsageOrigin.Unknown : UsageOrigin.Human;
    }

    /// <summary>
    /// The property a state path or command key is about: its first segment (<c>color</c> of <c>color.x</c>), with
    /// the relative commands folded in (<c>brightness_step</c> and <c>brightness_move</c> change <c>brightness</c>).
    /// </summary>
    public static string PropertyOf(string key)
    {
        var dot = key.IndexOf('.');
        var top = dot < 0 ? key : key[..dot];
        foreach (var suffix in new[] { "_step_onoff", "_move_onoff", "_step", "_move" })
        {
            if (top.EndsWith(suffix, StringComparison.Ordinal) && top.Length > suffix.Length)
            {
                return top[..^suffix.Length];
            }
        }

        return top;
    }

    private static bool Within(DateTimeOffset command, DateTimeOffset change) => change >= command && change - command <= Window;
}
