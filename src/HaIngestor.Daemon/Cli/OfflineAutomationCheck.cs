using HaIngestor.Domain.Detection;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;
using HaIngestor.Storage.HomeAssistant;

namespace HaIngestor.Daemon.Cli;

/// <summary>
/// <c>analyze --automations automations.yaml</c>: the offline analysis checked against Home Assistant's own automations
/// as the daemon's run checks them (<see cref="AlreadyAutomated"/>), so an export is never answered with a suggestion
/// the home already runs.
/// </summary>
public static class OfflineAutomationCheck
{
    /// <summary>The automations of the file, or null after saying on <paramref name="errors"/> why it cannot be used.</summary>
    public static HaAutomationCatalog? ReadOrReport(FileInfo file, TextWriter errors)
    {
        if (!file.Exists)
        {
            errors.WriteLine($"{file.FullName}: file not found");
            return null;
        }

        // The daemon's own reader of the file: the same I/O and YAML errors, the same alias limit.
        var fetched = new AutomationsYamlFile(file.FullName).ReadAsync().GetAwaiter().GetResult();
        if (fetched.Unavailable is { } reason)
        {
            errors.WriteLine(reason);
            return null;
        }

        var catalog = HaAutomationCatalog.Build(fetched.Entries, fetched.Registry, fetched.Unfetchable);
        foreach (var problem in fetched.Problems.Concat(catalog.Problems))
        {
            errors.WriteLine($"{file.Name}: automation skipped in part or whole: {problem}");
        }

        return catalog;
    }

    /// <summary>The best <paramref name="top"/> suggestions of <paramref name="patterns"/> that no enabled automation already covers.</summary>
    public static (IReadOnlyList<Suggestion> Suggestions, CheckedAgainstHomeAssistant Checked) Suggest(
        IReadOnlyList<Pattern> patterns, HomeProfile home, int top, HaAutomationCatalog automations)
    {
        var result = AlreadyAutomated.Build(patterns, [], home, top, automations);
        var check = HomeAssistantCheck.Of(AutomationsYamlFile.SourceName, automations, result.AlreadyAutomated.Count);
        return (result.Suggestions, new CheckedAgainstHomeAssistant(check, result.AlreadyAutomated));
    }
}
