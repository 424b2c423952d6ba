using System.Text.Json;

namespace HaIngestor.Daemon.Bench;

/// <summary>The benchmark results for machines: <c>bench --json OUT</c>.</summary>
public static class BenchJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<BenchResult> results, BenchSizes sizes, MachineFacts before, MachineFacts machine)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("machine");
        writer.WriteNumber("processor_count", machine.ProcessorCount);
        writer.WriteString("cpu_model", machine.CpuModel);
        writer.WriteString("os", machine.OperatingSystem);
        writer.WriteString("runtime", machine.Runtime);
        writer.WriteBoolean("server_gc", machine.ServerGc);
        writer.WriteString("build", machine.OptimizedBuild ? "Release" : "Debug");
        WriteNullable(writer, "load_average_at_start", before.LoadAverage);
        WriteNullable(writer, "load_average_at_end", machine.LoadAverage);
        writer.WriteEndObject();
        writer.WriteBoolean("quick", sizes.IsQuick);
        writer.WriteStartArray("scenarios");
        foreach (var r in results)
        {
            WriteResult(writer, r);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, BenchResult r)
    {
        writer.WriteStartObject();
        writer.WriteString("name", r.Scenario);
        writer.WriteBoolean("available", r.Unavailable is null);
        if (r.Unavailable is not null)
        {
            writer.WriteString("note", r.Unavailable);
        }

        writer.WriteString("target", r.Target);
        WriteNullable(writer, "target_met", r.TargetMet);
        if (r.Usage is { } u)
        {
            writer.WriteNumber("count", r.Count);
            writer.WriteString("unit", r.Unit);
            writer.WriteNumber("wall_ms", Math.Round(u.WallMilliseconds, 3));
            writer.WriteNumber("cpu_ms", Math.Round(u.CpuMilliseconds, 3));
            writer.WriteNumber("allocated_bytes", u.AllocatedBytes);
            writer.WriteNumber("start_rss_bytes", u.StartRssBytes);
            writer.WriteNumber("peak_rss_bytes", u.PeakRssBytes);
            writer.WriteBoolean("peak_rss_per_scenario", u.PeakIsPerScenario);
            writer.WriteNumber("per_second", Math.Round(r.PerSecond ?? 0, 3));
            if (r.Lost is { } lost)
            {
                writer.WriteNumber("lost", lost);
            }
            else
            {
                writer.WriteNull("lost");
            }

            writer.WriteStartObject("figures");
            foreach (var figure in r.Figures)
            {
                writer.WriteNumber(figure.Name, Math.Round(figure.Value, 3));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
