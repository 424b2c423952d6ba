using Microsoft.Extensions.Configuration;

namespace HaIngestor.Daemon.Configuration;

/// <summary>The <c>HaIngestor</c> configuration section (ARCHITECTURE.md section 7).</summary>
public sealed class HaIngestorOptions
{
    public const string SectionName = "HaIngestor";

    public string DataDirectory { get; set; } = "./data";

    public MqttOptions Mqtt { get; set; } = new();

    public HomeOptions Home { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public SqlOptions Sql { get; set; } = new();

    public ScheduleOptions Schedule { get; set; } = new();

    public AnalysisOptions Analysis { get; set; } = new();

    public ApiOptions Api { get; set; } = new();

    public HomeAssistantOptions HomeAssistant { get; set; } = new();

    /// <summary>Detector thresholds (<c>HaIngestor:Detectors:TimeOfDay:MinOccurrences</c>, ...); defaults where unset.</summary>
    public Domain.Detection.DetectorSettings Detectors { get; set; } = new();

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "haingestor.db"));

    /// <summary>The section bound from <paramref name="configuration"/>, defaults where unset.</summary>
    /// <exception cref="InvalidConfigurationException">A value does not convert to its option's type (<c>MinOccurrences=abc</c>).</exception>
    public static HaIngestorOptions From(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(SectionName).Get<HaIngestorOptions>() ?? new HaIngestorOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key, the value and the type it needed.
            throw new InvalidConfigurationException([e.Message]);
        }
    }
}

public sealed class MqttOptions
{
    /// <summary>Broker host; empty starts the embedded broker on 127.0.0.1.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    public string ClientId { get; set; } = "ha-ingestor";

    public string Zigbee2MqttBaseTopic { get; set; } = "zigbee2mqtt";

    public string BaseTopic { get; set; } = "ha-ai";

    public string DiscoveryPrefix { get; set; } = "homeassistant";

    public bool UsesEmbeddedBroker => string.IsNullOrWhiteSpace(Host);
}

public sealed class HomeOptions
{
    public string Name { get; set; } = "home";

    /// <summary>IANA time zone; empty means the machine's local zone.</summary>
    public string? TimeZone { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

public sealed class StorageOptions
{
    public string Provider { get; set; } = "Sqlite";

    /// <summary>L1 retention of raw state changes.</summary>
    public int RawRetentionDays { get; set; } = 7;

    /// <summary>L2 retention of the daily aggregates the daily run writes.</summary>
    public int AggregateRetentionDays { get; set; } = 90;
}

public sealed class SqlOptions
{
    public string Provider { get; set; } = "Sqlite";

    public string? ConnectionString { get; set; }
}

public sealed class ScheduleOptions
{
    public string Daily { get; set; } = "0 3 * * *";

    public string Weekly { get; set; } = "30 3 * * 1";

    public string Monthly { get; set; } = "0 4 1 * *";
}

public sealed class AnalysisOptions
{
    /// <summary>How many whole local days a run analyses (plus today so far); days L1 no longer holds come from L2.</summary>
    public int WindowDays { get; set; } = 30;

    public int TopSuggestions { get; set; } = 10;

    public int DetectorTimeoutSeconds { get; set; } = 120;
}

public sealed class HomeAssistantOptions
{
    /// <summary>HA's base URL (<c>http://homeassistant.local:8123</c>); with <see cref="Token"/>, its automations are read over REST.</summary>
    public string? Url { get; set; }

    /// <summary>A long-lived access token; never logged.</summary>
    public string? Token { get; set; }

    /// <summary>HA's automations.yaml, read when no URL is set or HA cannot be reached.</summary>
    public string? AutomationsFile { get; set; }

    /// <summary>Per HTTP request to HA.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public bool UsesRest => !string.IsNullOrWhiteSpace(Url);

    public bool UsesFile => !string.IsNullOrWhiteSpace(AutomationsFile);

    /// <summary>What makes these settings unusable, one clear line each (never the token itself).</summary>
    public IEnumerable<string> Problems()
    {
        if (UsesRest)
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                yield return $"HaIngestor:HomeAssistant:Url '{Url}' is not an http(s) URL such as http://homeassistant.local:8123";
            }

            if (string.IsNullOrWhiteSpace(Token))
            {
                yield return "HaIngestor:HomeAssistant:Token is required when HaIngestor:HomeAssistant:Url is set (a long-lived access token from your HA profile)";
            }
        }
        else if (!string.IsNullOrWhiteSpace(Token))
        {
            yield return "HaIngestor:HomeAssistant:Token is set but HaIngestor:HomeAssistant:Url is not";
        }

        if (UsesFile && !File.Exists(AutomationsFile))
        {
            yield return $"HaIngestor:HomeAssistant:AutomationsFile '{AutomationsFile}' does not exist";
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            yield return $"HaIngestor:HomeAssistant:TimeoutSeconds must be 1..300 (is {TimeoutSeconds})";
        }
    }
}

public sealed class ApiOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Bearer token for the REST API; empty disables authentication (loopback only by default).</summary>
    public string? Token { get; set; }
}
