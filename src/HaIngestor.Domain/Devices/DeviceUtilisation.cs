namespace HaIngestor.Domain.Devices;

/// <summary>Which controllable features of a device have been used.</summary>
/// <param name="Controllable">State paths of the controllable features (settable, published, not config or diagnostic).</param>
/// <param name="Used">The subset that changed at least once (within the window asked for, if any).</param>
public sealed record DeviceUtilisation(IReadOnlyList<string> Controllable, IReadOnlyList<string> Used)
{
    /// <summary>Used / controllable; null when the device has nothing to control.</summary>
    public double? Ratio => Controllable.Count == 0 ? null : (double)Used.Count / Controllable.Count;

    /// <summary>Controllable features never changed.</summary>
    public IEnumerable<string> Unused => Controllable.Except(Used, StringComparer.Ordinal);
}
