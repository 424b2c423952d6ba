using System.CommandLine;
using System.Text.Json;
using HaIngestor.Daemon.Bench;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>bench [--scenario NAME|all] [--json OUT] [--quick]</c>: measures the issues' performance scenarios and prints
/// wall time, CPU time, allocation and peak RSS. Figures are printed, never judged by a test.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var names = string.Join(", ", BenchRunner.Scenarios.Select(s => s.Name));
        var scenario = new Option<string>("--scenario") { Description = $"one of {names}, or {BenchRunner.All}", DefaultValueFactory = _ => BenchRunner.All };
        var json = new Option<string?>("--json") { Description = "also write the results as JSON to this file ('-' for stdout)" };
        var quick = new Option<bool>("--quick") { Description = "small sizes (1,000 devices, 2,000 messages, ~300k events) for a quick check" };
        var command = new Command("bench", "Measure parsing, ingest and analysis on simulated data (table, or JSON with --json)")
        {
            scenario, json, quick,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(scenario)!,
            parse.GetValue(json),
            parse.GetValue(quick) ? BenchSizes.Quick : BenchSizes.Full,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string name, string? jsonOut, BenchSizes sizes, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var selected = BenchRunner.Select(name);
        if (selected.Count == 0)
        {
            await error.WriteLineAsync($"unknown scenario '{name}'; choose one of {string.Join(", ", BenchRunner.Scenarios.Select(s => s.Name))} or {BenchRunner.All}");
            return 2;
        }

        var before = MachineFacts.Current();
        var results = await BenchRunner.RunAsync(selected, sizes, error, cancellationToken);
        var machine = MachineFacts.Current();
        if (jsonOut is not null)
        {
            await using var stream = jsonOut == "-" ? Console.OpenStandardOutput() : File.Create(jsonOut);
            await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            BenchJson.Write(writer, results, sizes, before, machine);
        }

        if (jsonOut != "-")
        {
            BenchTable.Write(output, results, sizes, before, machine);
        }

        // Loss is a fault, not a figure; missed targets are only reported.
        return results.Any(r => r.Lost > 0) ? 1 : 0;
    }
}
