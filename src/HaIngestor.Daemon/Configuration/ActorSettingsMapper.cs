using HaIngestor.Actors;
using HaIngestor.Domain.Time;

namespace HaIngestor.Daemon.Configuration;

/// <summary>Turns the configuration section into the settings the actor tree takes.</summary>
public static class ActorSettingsMapper
{
    public static HaIngestorSettings ToActorSettings(this HaIngestorOptions options) => new()
    {
        Mqtt = new MqttSettings
        {
            // The embedded broker listens on loopback; the bridge connects to it like to any other broker.
            Host = options.Mqtt.UsesEmbeddedBroker ? "127.0.0.1" : options.Mqtt.Host!,
            Port = options.Mqtt.Port,
            Username = options.Mqtt.Username,
            Password = options.Mqtt.Password,
            UseTls = options.Mqtt.UseTls,
            ClientId = options.Mqtt.ClientId,
            Zigbee2MqttBaseTopic = options.Mqtt.Zigbee2MqttBaseTopic,
            BaseTopic = options.Mqtt.BaseTopic,
            DiscoveryPrefix = options.Mqtt.DiscoveryPrefix,
        },
        Home = options.ToHomeProfile(),
        Schedule = new ScheduleSettings
        {
            Daily = options.Schedule.Daily,
            Weekly = options.Schedule.Weekly,
            Monthly = options.Schedule.Monthly,
        },
        Analysis = new AnalysisSettings
        {
            WindowDays = options.Analysis.WindowDays,
            TopSuggestions = options.Analysis.TopSuggestions,
            DetectorTimeout = TimeSpan.FromSeconds(options.Analysis.DetectorTimeoutSeconds),

            // Room for the states list and one request per automation, each bounded by the per-request timeout.
            HomeAssistantTimeout = TimeSpan.FromSeconds(Math.Max(30, options.HomeAssistant.TimeoutSeconds * 3)),
        },
        RawRetentionDays = options.Storage.RawRetentionDays,
        AggregateRetentionDays = options.Storage.AggregateRetentionDays,
    };

    public static HomeProfile ToHomeProfile(this HaIngestorOptions options)
    {
        var zone = string.IsNullOrWhiteSpace(options.Home.TimeZone) ? TimeZoneInfo.Local.Id : options.Home.TimeZone;
        return HomeProfile.ForTimeZone(zone, options.Home.Name) with
        {
            Latitude = options.Home.Latitude,
            Longitude = options.Home.Longitude,
        };
    }
}
