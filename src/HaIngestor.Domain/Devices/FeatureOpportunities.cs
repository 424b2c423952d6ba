using System.Globalization;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// Phase 4 of an analysis run: finds features that devices have and nobody uses, where a known automation puts them
/// to work. Only devices that are used count (their light was switched, their sensor saw motion, their plug ran
/// something): an unused feature of an unused device says nothing. Uses count within the run's window of local days
/// when one is given (a feature last used before the window is unused now), else ever.
/// </summary>
public static class FeatureOpportunities
{
    /// <summary>Warmest and coolest colour temperatures suggested (evening and day), clamped to the light's range.</summary>
    public const double EveningKelvin = 2700;
    public const double DayKelvin = 4000;

    /// <summary>Below this illuminance an area counts as dark.</summary>
    public const double DarkLux = 30;

    /// <summary>A plug whose power ever reached this ran an appliance.</summary>
    public const double RunningWatts = 20;

    /// <summary>An appliance is finished when its power stays below this for <see cref="FinishedMinutes"/>.</summary>
    public const double FinishedWatts = 5;
    public const double FinishedMinutes = 2;

    public const double NightBrightnessPercent = 30;

    /// <summary>Every opportunity among <paramref name="devices"/>, ordered by device then kind.</summary>
    public static IReadOnlyList<FeatureOpportunity> Find(IReadOnlyList<DeviceSnapshot> devices, UsageWindow? window = null)
    {
        var lightsByArea = LightsByArea(devices);
        var found = new List<FeatureOpportunity>();
        foreach (var snapshot in devices)
        {
            if (snapshot.Definition is not { } device)
            {
                continue;
            }

            foreach (var light in device.Features.Where(f => f.Container == "light" && f.Path == "state" && f.Type == "binary"))
            {
                found.AddRange(LightOpportunities(device, snapshot, light, window));
            }

            if (MotionLighting(device, snapshot, lightsByArea, window) is { } motion)
            {
                found.Add(motion);
            }

            if (ApplianceFinished(device, snapshot, window) is { } appliance)
            {
                found.Add(appliance);
            }
        }

        return found.OrderBy(o => o.IeeeAddress, StringComparer.Ordinal).ThenBy(o => o.Kind).ThenBy(o => o.Entities.Values.FirstOrDefault(), StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<FeatureOpportunity> LightOpportunities(ZigbeeDevice device, DeviceSnapshot snapshot, DeviceFeature state, UsageWindow? window)
    {
        var uses = ChangesOf(snapshot, state, window);
        if (uses == 0 || EntityMapping.EntityIdOf(device, state) is not { } entity)
        {
            yield break;
        }

        var sibling = (string path) => device.Features.FirstOrDefault(f =>
            f.Container == "light" && f.Endpoint == state.Endpoint && f.Path == path && f.Access.Set && f.Role == FeatureRole.Controllable);

        if (sibling("color_temp") is { } colourTemp && ChangesOf(snapshot, colourTemp, window) == 0)
        {
            var warm = colourTemp.Max is > 0 ? Math.Max(EveningKelvin, Math.Ceiling(1_000_000 / colourTemp.Max.Value)) : EveningKelvin;
            var cool = colourTemp.Min is > 0 ? Math.Min(DayKelvin, Math.Floor(1_000_000 / colourTemp.Min.Value)) : DayKelvin;
            if (warm < cool)
            {
                yield return new FeatureOpportunity(
                    FeatureOpportunityKind.AdaptiveColourTemperature,
                    device.IeeeAddress,
                    device.FriendlyName,
                    colourTemp.StatePath,
                    new Dictionary<string, string> { [FeatureOpportunity.LightRole] = entity },
                    new Dictionary<string, double> { [FeatureOpportunity.WarmKelvin] = warm, [FeatureOpportunity.CoolKelvin] = cool },
                    $"{device.FriendlyName} was switched {Times(uses)} but its colour temperature never changed{From(snapshot, colourTemp)}",
                    uses);
            }
        }

        if (sibling("brightness") is { } brightness && ChangesOf(snapshot, brightness, window) == 0)
        {
            yield return new FeatureOpportunity(
                FeatureOpportunityKind.NightDimming,
                device.IeeeAddress,
                device.FriendlyName,
                brightness.StatePath,
                new Dictionary<string, string> { [FeatureOpportunity.LightRole] = entity },
                new Dictionary<string, double> { [FeatureOpportunity.NightBrightnessPercent] = NightBrightnessPercent },
                $"{device.FriendlyName} was switched {Times(uses)} but its brightness never changed{From(snapshot, brightness)}",
                uses);
        }
    }

    private static FeatureOpportunity? MotionLighting(ZigbeeDevice device, DeviceSnapshot snapshot, IReadOnlyDictionary<string, List<string>> lightsByArea, UsageWindow? window)
    {
        var occupancy = device.Features.FirstOrDefault(f => f.Container is null && f.Property == "occupancy" && f.Type == "binary" && f.Access.State);
        var illuminance = device.Features
            .Where(f => f.Container is null && f.Type == "numeric" && f.Access.State && f.Property is "illuminance" or "illuminance_lux")
            .OrderBy(f => f.Unit == "lx" ? 0 : 1)
            .FirstOrDefault();
        var uses = occupancy is null ? 0 : ChangesOf(snapshot, occupancy, window);
        if (occupancy is null || illuminance is null || uses == 0
            || EntityNaming.AreaOf(device.FriendlyName) is not { } area
            || !lightsByArea.TryGetValue(area, out var lights)
            || EntityMapping.EntityIdOf(device, occupancy) is not { } occupancyEntity
            || EntityMapping.EntityIdOf(device, illuminance) is not { } illuminanceEntity)
        {
            return null;
        }

        return new FeatureOpportunity(
            FeatureOpportunityKind.DarkOnlyMotionLighting,
            device.IeeeAddress,
            device.FriendlyName,
            illuminance.StatePath,
            new Dictionary<string, string>
            {
                [FeatureOpportunity.OccupancyRole] = occupancyEntity,
                [FeatureOpportunity.IlluminanceRole] = illuminanceEntity,
                [FeatureOpportunity.LightsRole] = string.Join(',', lights),
            },
            new Dictionary<string, double> { [FeatureOpportunity.BelowLux] = DarkLux },
            $"{device.FriendlyName} saw motion {Times(uses)} and also measures illuminance, which can keep the lights off in daylight",
            uses);
    }

    private static FeatureOpportunity? ApplianceFinished(ZigbeeDevice device, DeviceSnapshot snapshot, UsageWindow? window)
    {
        var power = device.Features.FirstOrDefault(f =>
            f.Container is null && f.Property == "power" && f.Type == "numeric" && f.Access.State && !f.Access.Set && f.Category is null);
        var onOff = device.Features.FirstOrDefault(f => f.Container == "switch" && f.Path == "state" && f.Type == "binary");
        if (power is null || onOff is null || EntityMapping.EntityIdOf(device, power) is not { } powerEntity)
        {
            return null;
        }

        var usage = snapshot.Usage.GetValueOrDefault(power.StatePath);
        var peak = usage?.DistinctValues
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : double.NaN)
            .Where(double.IsFinite)
            .DefaultIfEmpty(0)
            .Max() ?? 0;
        var changes = usage?.ChangesIn(window) ?? 0;
        if (usage is null || changes == 0 || peak < RunningWatts)
        {
            return null;
        }

        var entities = new Dictionary<string, string> { [FeatureOpportunity.PowerRole] = powerEntity };
        if (EntityMapping.EntityIdOf(device, onOff) is { } switchEntity)
        {
            entities[FeatureOpportunity.SwitchRole] = switchEntity;
        }

        return new FeatureOpportunity(
            FeatureOpportunityKind.ApplianceFinished,
            device.IeeeAddress,
            device.FriendlyName,
            power.StatePath,
            entities,
            new Dictionary<string, double> { [FeatureOpportunity.BelowWatts] = FinishedWatts, [FeatureOpportunity.ForMinutes] = FinishedMinutes },
            string.Create(CultureInfo.InvariantCulture, $"{device.FriendlyName} measured up to {peak:0.#} W, so an appliance runs on it, and its power changed {Times(changes)}"),
            changes);
    }

    /// <summary>The light entities of each area, sorted, from devices whose friendly name starts with the area.</summary>
    private static Dictionary<string, List<string>> LightsByArea(IReadOnlyList<DeviceSnapshot> devices)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var device in devices.Select(d => d.Definition).OfType<ZigbeeDevice>())
        {
            if (EntityNaming.AreaOf(device.FriendlyName) is not { } area)
            {
                continue;
            }

            foreach (var feature in device.Features.Where(f => f.Container == "light" && f.Path == "state" && f.Type == "binary"))
            {
                if (EntityMapping.EntityIdOf(device, feature) is { } entity)
                {
                    (result.TryGetValue(area, out var list) ? list : result[area] = []).Add(entity);
                }
            }
        }

        foreach (var list in result.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return result;
    }

    private static long ChangesOf(DeviceSnapshot snapshot, DeviceFeature feature, UsageWindow? window) =>
        snapshot.Usage.GetValueOrDefault(feature.StatePath)?.ChangesIn(window) ?? 0;

    private static string From(DeviceSnapshot snapshot, DeviceFeature feature) =>
        snapshot.LastValues.GetValueOrDefault(feature.StatePath) is { } value ? $" from {JsonValueText.ToPlain(value) ?? value}" : "";

    private static string Times(long count) => count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{count} times");
}
