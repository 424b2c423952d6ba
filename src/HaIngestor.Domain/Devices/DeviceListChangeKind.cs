namespace HaIngestor.Domain.Devices;

/// <summary>What happened to a device between two device lists.</summary>
public enum DeviceListChangeKind
{
    /// <summary>A device that was not in the previous list; its features are all added.</summary>
    Added,

    /// <summary>A device no longer in the list; its features are all removed.</summary>
    Removed,

    /// <summary>Same ieee address, new friendly name: the device and its history stay.</summary>
    Renamed,

    /// <summary>Features appeared or disappeared (new firmware, a changed converter, a finished interview).</summary>
    FeaturesChanged,
}
