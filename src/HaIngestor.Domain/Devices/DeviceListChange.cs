namespace HaIngestor.Domain.Devices;

/// <summary>One change of the device list, as published on <c>&lt;base&gt;/events/device</c> and kept in history.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When the list that showed it arrived, UTC.</param>
/// <param name="IeeeAddress">The device.</param>
/// <param name="FriendlyName">Its name in the newer list (the last known name when removed).</param>
/// <param name="PreviousFriendlyName">The name before a rename, else null.</param>
/// <param name="AddedFeatures">State paths that appeared, sorted.</param>
/// <param name="RemovedFeatures">State paths that disappeared, sorted.</param>
public sealed record DeviceListChange(
    DeviceListChangeKind Kind,
    DateTimeOffset At,
    string IeeeAddress,
    string FriendlyName,
    string? PreviousFriendlyName,
    IReadOnlyList<string> AddedFeatures,
    IReadOnlyList<string> RemovedFeatures)
{
    /// <summary>The lowercase snake name of <see cref="Kind"/> used in JSON (<c>added</c>, <c>features_changed</c>).</summary>
    public string KindName => NameOf(Kind);

    public static string NameOf(DeviceListChangeKind kind) => kind switch
    {
        DeviceListChangeKind.Added => "added",
        DeviceListChangeKind.Removed => "removed",
        DeviceListChangeKind.Renamed => "renamed",
        DeviceListChangeKind.FeaturesChanged => "features_changed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown device change"),
    };

    public static DeviceListChangeKind? KindOf(string name) => name switch
    {
        "added" => DeviceListChangeKind.Added,
        "removed" => DeviceListChangeKind.Removed,
        "renamed" => DeviceListChangeKind.Renamed,
        "features_changed" => DeviceListChangeKind.FeaturesChanged,
        _ => null,
    };
}
