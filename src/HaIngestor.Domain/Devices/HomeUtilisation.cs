namespace HaIngestor.Domain.Devices;

/// <summary>Home-wide utilisation: controllable features used (ever, or within a window) over all controllable features.</summary>
/// <param name="Controllable">Controllable features of every device.</param>
/// <param name="Used">Those that changed at least once (within the window, when one is given).</param>
public sealed record HomeUtilisation(int Controllable, int Used)
{
    /// <summary>Used / controllable; null when the home has nothing to control.</summary>
    public double? Ratio => Controllable == 0 ? null : (double)Used / Controllable;

    public static HomeUtilisation Of(IEnumerable<DeviceUtilisation> devices)
    {
        int controllable = 0, used = 0;
        foreach (var device in devices)
        {
            controllable += device.Controllable.Count;
            used += device.Used.Count;
        }

        return new HomeUtilisation(controllable, used);
    }

    public static HomeUtilisation Of(IEnumerable<DeviceSnapshot> devices, UsageWindow? window = null) =>
        Of(devices.Select(d => d.Utilisation(window)));
}
