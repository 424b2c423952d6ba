using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Storage.HomeAssistant;

namespace HaIngestor.Daemon.Configuration;

/// <summary>Where the analysis reads Home Assistant's automations, from the <c>HomeAssistant</c> section.</summary>
public static class HomeAssistantAutomations
{
    /// <summary>REST when a URL is set (falling back to the file when both are set), else the file, else none.</summary>
    public static IHaAutomationSource? Create(HomeAssistantOptions options)
    {
        IHaAutomationSource? file = options.UsesFile ? new AutomationsYamlFile(Path.GetFullPath(options.AutomationsFile!)) : null;
        if (!options.UsesRest)
        {
            return file;
        }

        var rest = new HomeAssistantRestAutomations(new Uri(options.Url!), options.Token!, TimeSpan.FromSeconds(options.TimeoutSeconds));
        return file is null ? rest : new FallbackAutomationSource(rest, file);
    }
}
