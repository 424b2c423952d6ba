using System.CommandLine;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;

namespace HaIngestor.Daemon.Cli;

/// <summary><c>simulate --days 30 --seed 1 --out DIR</c>: writes a simulated home's history and ground truth.</summary>
public static class SimulateCommand
{
    private const int FirstYear = HistoryYears.First;
    private const int LastYear = HistoryYears.Last;

    /// <summary>Ten years: far more than any analysis window, and already hundreds of megabytes of history.</summary>
    private const int MaxDays = 3660;

    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "days of history", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same home and history)", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "output directory", Required = true };
        var end = new Option<DateTimeOffset?>("--end") { Description = "end of the history (ISO-8601; default: today's local midnight in the home)" };
        var command = new Command("simulate", "Write a simulated Zigbee2MQTT home's history: events.jsonl, home.json, bridge_devices.json, truth.json")
        {
            days, seed, output, end,
        };
        command.SetAction(parse =>
        {
            var home = SimulatedHome.Create(parse.GetValue(seed));
            var dayCount = parse.GetValue(days);
            if (dayCount < 1)
            {
                Console.Error.WriteLine("--days must be at least 1");
                return 2;
            }

            var endAt = parse.GetValue(end) ?? home.Calendar.StartOfDay(home.Calendar.LocalDate(DateTimeOffset.UtcNow));
            // The generator works in local days around the history; far from the calendar's ends that stays representable.
            if (endAt.Year > LastYear || endAt.AddDays(-Math.Min(dayCount, MaxDays)).Year < FirstYear || dayCount > MaxDays)
            {
                Console.Error.WriteLine($"--end/--days: the history must lie within the years {FirstYear} to {LastYear} and span at most {MaxDays} days");
                return 2;
            }

            var directory = parse.GetValue(output)!.FullName;
            SimulationSummary summary;
            try
            {
                summary = SimulationWriter.Write(directory, home, endAt.AddDays(-dayCount), dayCount);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"--out: {directory} cannot be written: {e.Message}");
                return 2;
            }

            Console.WriteLine($"{summary.Events} events of {summary.Entities} entities on {summary.Devices} devices, {summary.Routines} planted routines, {summary.From:u} to {summary.To:u} -> {summary.Directory}");
            return 0;
        });
        return command;
    }
}
