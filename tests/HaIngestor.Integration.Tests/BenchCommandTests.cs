using System.Text.Json;
using HaIngestor.Daemon.Bench;
using HaIngestor.Integration.Tests.Infrastructure;

namespace HaIngestor.Integration.Tests;

/// <summary>
/// The <c>bench</c> verb as users run it, at the quick sizes: every scenario yields a row with something counted
/// and nothing lost. Timings are the verb's output, never asserted here.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("haingestor-bench-").FullName;

    [Fact]
    public async Task Quick_bench_runs_every_scenario_with_counts_and_no_loss_and_writes_json()
    {
        var json = Path.Combine(_workDirectory, "bench.json");
        var (exit, output, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "bench", "--quick", "--json", json);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        using var document = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = document.RootElement;
        Assert.True(root.GetProperty("quick").GetBoolean());
        Assert.True(root.GetProperty("machine").GetProperty("processor_count").GetInt32() > 0);

        var rows = root.GetProperty("scenarios").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(BenchRunner.Scenarios.Select(s => s.Name), rows.Keys);
        foreach (var (name, row) in rows.Where(r => r.Value.GetProperty("available").GetBoolean()))
        {
            Assert.True(row.GetProperty("count").GetInt64() > 0, $"{name} counted nothing");
            Assert.Equal(0, row.GetProperty("lost").GetInt64());
            Assert.True(row.GetProperty("peak_rss_bytes").GetInt64() > 0, $"{name} has no peak RSS");
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        var parse = Figures(rows["parse-devices"]);
        Assert.Equal(1_000, rows["parse-devices"].GetProperty("count").GetInt64());
        Assert.Equal(0, parse["errors"]);
        Assert.True(parse["features"] > 1_000, "the replicated devices have features");

        foreach (var ingest in new[] { "ingest-states", "ingest-states-inmem-journal" })
        {
            var figures = Figures(rows[ingest]);
            Assert.Equal(2_000, rows[ingest].GetProperty("count").GetInt64());
            Assert.Equal(2_000, figures["expected_changes"]);
            Assert.True(figures["stored_changes"] >= figures["expected_changes"], $"{ingest}: fewer changes stored than simulated");
            Assert.Equal(0, figures["writer_dropped"]);
            Assert.Equal(0, figures["unknown_device_messages"]);
        }

        // Device actors journal their changes in batches: at least one write, never more than one per message (+ definitions).
        var ingestFigures = Figures(rows["ingest-states"]);
        Assert.InRange(ingestFigures["journal_events"], 1, 2_000 + ingestFigures["devices"]);

        var analyze = Figures(rows["analyze-3m"]);
        Assert.True(rows["analyze-3m"].GetProperty("count").GetInt64() > 100_000);
        Assert.Equal(0, analyze["skipped_lines"]);
        Assert.Equal(0, analyze["detector_failures"]);
        Assert.True(analyze["patterns"] > 0, "the planted routines are found");

        Assert.Equal(rows["analyze-3m"].GetProperty("count").GetInt64(), rows["full-recompute-30d"].GetProperty("count").GetInt64());
        Assert.True(Figures(rows["full-recompute-30d"])["patterns"] > 0);

        var daily = Figures(rows["daily-incremental"]);
        Assert.True(daily["aggregated_days"] >= 1, "the earlier days come from L2 aggregates");
        Assert.Equal(1, daily["same_as_full_recompute"]);
        Assert.True(daily["patterns"] > 0);
    }

    [Fact]
    public async Task Unknown_scenario_is_refused_with_the_valid_names()
    {
        var (exit, _, error) = await DaemonProcess.RunAsync(_workDirectory, Timeout, "bench", "--scenario", "warp-speed");

        Assert.Equal(2, exit);
        Assert.Contains("unknown scenario 'warp-speed'", error, StringComparison.Ordinal);
        Assert.Contains("parse-devices", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private static Dictionary<string, double> Figures(JsonElement row) =>
        row.GetProperty("figures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
}
