using HaIngestor.Domain.Devices;

namespace HaIngestor.Daemon.Bench;

/// <summary>
/// ISSUE4 "Performance": parse a 5,000-device <c>bridge/devices</c> list in ≤ 1 s and ≤ 100 MB. The timed parse is
/// the first one in the process (cold, as when the daemon receives the retained list on start); a second, warm
/// parse is reported as a figure.
/// </summary>
public sealed class ParseDevicesScenario : IBenchScenario
{
    private const double TargetMilliseconds = 1000;
    private const double TargetMegabytes = 100;

    public string Name => "parse-devices";

    public string Description => "BridgeDevicesParser.Parse over a replicated bridge/devices list";

    public Task<BenchResult> RunAsync(BenchWorkspace workspace, CancellationToken cancellationToken)
    {
        var sizes = workspace.Sizes;
        var samplePath = DeviceListBuilder.FindSample();
        var template = samplePath is null ? workspace.Home.BridgeDevicesPayload() : File.ReadAllBytes(samplePath);
        workspace.Progress.WriteLine($"  building a {sizes.Devices:N0}-device list from {samplePath ?? "the simulated home"} (not timed) ...");
        var payload = DeviceListBuilder.Replicate(template, sizes.Devices);

        var meter = ResourceMeter.Start();
        var result = BridgeDevicesParser.Parse(payload);
        var usage = meter.Stop();

        var warm = ResourceMeter.Start();
        BridgeDevicesParser.Parse(payload);
        var warmUsage = warm.Stop();

        var features = result.Devices.Sum(d => (long)d.Features.Count);
        var allocatedMegabytes = usage.AllocatedBytes / 1e6;
        return Task.FromResult(new BenchResult(
            Name,
            null,
            result.Devices.Count,
            "devices",
            usage,
            sizes.Devices - result.Devices.Count,
            $"<= {TargetMilliseconds:F0} ms and <= {TargetMegabytes:F0} MB for 5,000 devices",
            sizes.IsQuick ? null : usage.WallMilliseconds <= TargetMilliseconds && allocatedMegabytes <= TargetMegabytes,
            [
                new("payload_mb", payload.Length / 1e6),
                new("features", features),
                new("errors", result.Errors.Count),
                new("warm_ms", warmUsage.WallMilliseconds),
                new("warm_allocated_mb", warmUsage.AllocatedBytes / 1e6),
                new("from_shared_sample", samplePath is null ? 0 : 1),
            ]));
    }
}
