using HaIngestor.Domain.Detection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace HaIngestor.Daemon.Configuration;

/// <summary>
/// The configuration of the offline verbs (<c>analyze</c>, <c>evaluate</c>): the daemon's sources in the
/// daemon's order — appsettings.json and appsettings.{Environment}.json next to the program, environment
/// variables (<c>HAINGESTOR__Detectors__TimeOfDay__MinOccurrences=6</c>), then the verb's own
/// <c>--set KEY=VALUE</c> options — so an export is analysed with the thresholds the daemon would use.
/// </summary>
public static class OfflineConfiguration
{
    /// <summary>
    /// The detector settings of the configuration and the verb's <c>--set</c> values, or null after writing the daemon's
    /// message to <paramref name="errors"/> when they cannot be used.
    /// </summary>
    public static DetectorSettings? DetectorSettingsOrReport(string[]? settings, TextWriter errors)
    {
        try
        {
            return DetectorSettings(Cli.DaemonOptions.SettingOverrides(settings));
        }
        catch (InvalidConfigurationException e)
        {
            errors.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>The detector settings; throws <see cref="InvalidConfigurationException"/> with the daemon's message when they cannot be used.</summary>
    public static DetectorSettings DetectorSettings(IReadOnlyDictionary<string, string?> overrides)
    {
        var options = Options(overrides);
        var problems = OptionsValidation.DetectorProblems(options);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }

        return options.Detectors;
    }

    /// <summary>All options, from the daemon's sources plus <paramref name="overrides"/>; not validated beyond their types.</summary>
    /// <exception cref="InvalidConfigurationException">A value does not convert to its option's type.</exception>
    public static HaIngestorOptions Options(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        return HaIngestorOptions.From(builder.Configuration);
    }
}
