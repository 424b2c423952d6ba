using System.CommandLine;
using System.Globalization;

namespace HaIngestor.Daemon.Cli;

/// <summary>Command-line options shared by the verbs that start the daemon; they override configuration.</summary>
public static class DaemonOptions
{
    public static Option<string?> DataDirectory() => new("--data-dir") { Description = "data directory (HaIngestor:DataDirectory)" };

    public static Option<string?> MqttHost() => new("--mqtt-host") { Description = "MQTT broker host; empty starts the embedded broker (HaIngestor:Mqtt:Host)" };

    public static Option<int?> MqttPort() => new("--mqtt-port") { Description = "MQTT broker port (HaIngestor:Mqtt:Port)" };

    /// <summary>Any configuration key for one invocation, as in appsettings.json (the <c>HaIngestor:</c> prefix may be left out).</summary>
    public static Option<string[]> Settings() => new("--set")
    {
        Description = "configuration KEY=VALUE, repeatable, e.g. --set Detectors:TimeOfDay:MinOccurrences=6 (wins over appsettings.json and HAINGESTOR__ variables)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The <c>--set</c> values as configuration keys; a value without '=' is an error naming it.</summary>
    public static Dictionary<string, string?> SettingOverrides(string[]? settings)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new Configuration.InvalidConfigurationException([$"--set '{setting}' is not KEY=VALUE"]);
            }

            var key = setting[..equals].Trim().Replace("__", ":", StringComparison.Ordinal);
            if (!key.StartsWith(Configuration.HaIngestorOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase))
            {
                key = Configuration.HaIngestorOptions.SectionName + ":" + key;
            }

            overrides[key] = setting[(equals + 1)..];
        }

        return overrides;
    }

    public static Dictionary<string, string?> Overrides(ParseResult parse, Option<string?> dataDir, Option<string?> mqttHost, Option<int?> mqttPort)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(dataDir) is { } dir)
        {
            overrides["HaIngestor:DataDirectory"] = dir;
        }

        if (parse.GetValue(mqttHost) is { } host)
        {
            overrides["HaIngestor:Mqtt:Host"] = host;
        }

        if (parse.GetValue(mqttPort) is { } port)
        {
            overrides["HaIngestor:Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture);
        }

        return overrides;
    }
}
