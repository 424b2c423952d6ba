using System.Globalization;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Daemon.Cli;

/// <summary>Readable tables of patterns and suggestions for the terminal.</summary>
public static class ConsoleTables
{
    public static void WritePatterns(TextWriter output, IReadOnlyList<Pattern> patterns, int limit = 30)
    {
        output.WriteLine();
        output.WriteLine($"Patterns ({patterns.Count}):");
        if (patterns.Count == 0)
        {
            return;
        }

        output.WriteLine($"  {"type",-12} {"entity",-40} {"state",-10} {"when",-22} {"seen",5} {"conf",5}");
        foreach (var p in patterns.OrderByDescending(p => p.Confidence).ThenBy(p => p.Id, StringComparer.Ordinal).Take(limit))
        {
            var when = p.Details is TimeOfDayDetails t ? $"{t.LocalTime} ±{t.SpreadMinutes:F0}m {t.Days}" : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Type,-12} {Clip(string.Join(" → ", p.Entities), 40),-40} {Clip(string.Join(",", p.States), 10),-10} {Clip(when, 22),-22} {p.Occurrences,5} {p.Confidence,5:F2}"));
        }

        if (patterns.Count > limit)
        {
            output.WriteLine($"  ... and {patterns.Count - limit} more");
        }
    }

    public static void WriteSuggestions(TextWriter output, IReadOnlyList<Suggestion> suggestions, bool withYaml)
    {
        output.WriteLine();
        output.WriteLine($"Suggestions ({suggestions.Count}):");
        if (suggestions.Count == 0)
        {
            return;
        }

        output.WriteLine($"  {"#",2} {"score",5} {"safety",-7} title");
        var rank = 1;
        foreach (var s in suggestions)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rank++,2} {s.Score,5:F2} {s.Safety.Level.ToString().ToLowerInvariant(),-7} {s.Title}"));
        }

        if (!withYaml)
        {
            return;
        }

        foreach (var s in suggestions)
        {
            output.WriteLine();
            output.WriteLine($"# {s.Title} — {s.Description}");
            if (s.Safety.Issues.Count > 0)
            {
                output.WriteLine($"# safety: {s.Safety.Level.ToString().ToLowerInvariant()}: {string.Join("; ", s.Safety.Issues)}");
            }

            output.WriteLine(s.Yaml.TrimEnd());
        }
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
