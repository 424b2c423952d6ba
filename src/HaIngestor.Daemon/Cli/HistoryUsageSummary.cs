namespace HaIngestor.Daemon.Cli;

/// <summary>What reading Home Assistant history for device usage gave.</summary>
/// <param name="Lines">History lines read (valid ones).</param>
/// <param name="DeviceLines">Lines of entities that belong to a device of the list.</param>
/// <param name="OtherLines">Lines of other entities (not from Zigbee2MQTT, or of devices not in the list).</param>
/// <param name="FeatureChanges">Feature changes counted as uses (an entity's first value is none).</param>
/// <param name="Latest">The newest line's time.</param>
public sealed record HistoryUsageSummary(long Lines, long DeviceLines, long OtherLines, long FeatureChanges, DateTimeOffset? Latest);
