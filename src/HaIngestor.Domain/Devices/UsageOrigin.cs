namespace HaIngestor.Domain.Devices;

/// <summary>Who caused a use of a device feature, as far as the source of the observation tells.</summary>
public enum UsageOrigin
{
    /// <summary>A person: a HA UI action (context user_id), a wall switch or a device button (no context on a controllable feature).</summary>
    Human,

    /// <summary>An automation or script (HA context parent_id).</summary>
    Automation,

    /// <summary>The device itself: a sensor reading (no context on an observable-only feature).</summary>
    Device,

    /// <summary>Commanded through Home Assistant or Zigbee2MQTT, by a person or an automation: which one is not known.</summary>
    Commanded,

    /// <summary>Nothing tells: a controllable feature changing over MQTT right after a group command, or recovered from a journal without origins.</summary>
    Unknown,
}
