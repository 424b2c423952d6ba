using System.CommandLine;
using System.Globalization;

namespace HaIngestor.Daemon.Cli;

/// <summary>Command-line options shared by the verbs that start the daemon; they override configuration.</summary>
public static class DaemonOptions
{
    public static Option<string?> DataDirectory() => new("--data-dir") { Description = "data directory (HaIngestor:DataDirectory)" };

    public static Option<string?> MqttHost() => new("--mqtt-host") { Description = "MQTT broker host; empty starts the embedded broker (HaIngestor:Mqtt:Host)" };

    public static Option<int?> MqttPort() => new("--mqtt-port") { Description = "MQTT broker port (HaIngestor:Mqtt:Port)" };

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
