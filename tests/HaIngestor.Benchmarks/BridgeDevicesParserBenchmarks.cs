using BenchmarkDotNet.Attributes;
using HaIngestor.Daemon.Bench;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Benchmarks;

/// <summary>
/// <see cref="BridgeDevicesParser.Parse"/> over the shared real sample replicated to the 5,000 devices
/// (and a home-sized list), built like the <c>bench</c> verb's parse-devices scenario.
/// </summary>
[MemoryDiagnoser]
public class BridgeDevicesParserBenchmarks
{
    private byte[] payload = [];

    [Params(300, 5_000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sample = DeviceListBuilder.FindSample();
        var template = sample is null ? BenchHome.Create(BenchSizes.Quick).BridgeDevicesPayload() : File.ReadAllBytes(sample);
        payload = DeviceListBuilder.Replicate(template, Devices);
    }

    [Benchmark]
    public int Parse() => BridgeDevicesParser.Parse(payload).Devices.Count;
}
