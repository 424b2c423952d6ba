using HaIngestor.Domain.Events;

namespace HaIngestor.Simulation;

/// <summary>
/// Writes a simulated home's output for the <c>simulate</c> verb: events.jsonl, home.json, bridge_devices.json
/// (the exact <c>bridge/devices</c> payload) and truth.json. Generation stays pure; only this class touches files.
/// </summary>
public static class SimulationWriter
{
    public const string EventsFileName = "events.jsonl";
    public const string HomeFileName = "home.json";
    public const string BridgeDevicesFileName = "bridge_devices.json";
    public const string TruthFileName = "truth.json";

    /// <summary>Generates <paramref name="days"/> days from <paramref name="startUtc"/> and writes the four files.</summary>
    public static SimulationSummary Write(string directory, SimulatedHome home, DateTimeOffset startUtc, int days)
    {
        Directory.CreateDirectory(directory);
        long events;
        using (var stream = Create(directory, EventsFileName))
        {
            events = WriteEvents(stream, new HistoryGenerator(home).Generate(startUtc, days));
        }

        using (var stream = Create(directory, HomeFileName))
        {
            HomeFile.Write(stream, home);
        }

        using (var stream = Create(directory, BridgeDevicesFileName))
        {
            stream.Write(home.BridgeDevicesPayload());
        }

        using (var stream = Create(directory, TruthFileName))
        {
            TruthFile.Write(stream, home, startUtc, days);
        }

        var from = startUtc.ToUniversalTime();
        return new SimulationSummary(directory, from, from.AddDays(days), events, home.Devices.Count, home.Entities.Count, home.Routines.Count);
    }

    /// <summary>Writes <paramref name="changes"/> as events.jsonl lines; returns how many.</summary>
    public static long WriteEvents(Stream stream, IEnumerable<StateChange> changes) => EventLineWriter.Write(stream, changes);

    private static FileStream Create(string directory, string name) =>
        new(Path.Combine(directory, name), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
}
