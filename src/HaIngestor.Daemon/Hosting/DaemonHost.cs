using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Sql;
using HaIngestor.Actors;
using HaIngestor.Daemon.Api;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Daemon.Mqtt;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Aggregates;
using HaIngestor.Domain.Events;
using HaIngestor.Domain.HomeAssistant;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Storage.Aggregates;
using HaIngestor.Storage.EventStore;
using HaIngestor.Storage.HomeAssistant;
using HaIngestor.Storage.Summaries;
using Microsoft.Extensions.Options;
using Serilog;

namespace HaIngestor.Daemon.Hosting;

/// <summary>
/// Builds the daemon: configuration, Serilog, the embedded broker when no broker is configured, the SQLite
/// stores, the Akka.NET actor tree through Akka.Hosting and the REST API. Stopping the host (SIGTERM, Ctrl+C)
/// runs Akka's CoordinatedShutdown, which flushes the event writer and sends the MQTT offline status.
/// </summary>
public static class DaemonHost
{
    public const string ActorSystemName = "haingestor";

    public static WebApplication Build(DaemonStartOptions start)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = start.Args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(start.Overrides);

        var options = HaIngestorOptions.From(builder.Configuration);
        var problems = OptionsValidation.Problems(options);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }

        Directory.CreateDirectory(options.DataDirectory);
        var dataLock = DataDirectoryLock.Acquire(options.DataDirectory);
        try
        {
            return Build(builder, options, start, dataLock);
        }
        catch
        {
            dataLock.Dispose();
            throw;
        }
    }

    private static WebApplication Build(WebApplicationBuilder builder, HaIngestorOptions options, DaemonStartOptions start, DataDirectoryLock dataLock)
    {
        // Created by a factory, so the container disposes it (releasing the lock) when the application is disposed.
        builder.Services.AddSingleton(_ => dataLock);
        builder.Services.Configure<HaIngestorOptions>(builder.Configuration.GetSection(HaIngestorOptions.SectionName));
        builder.Services.AddSerilog((_, logger) => SerilogSetup.Configure(logger, builder.Configuration, options.DataDirectory, start.ConsoleLevel));
        builder.WebHost.UseUrls(options.Api.Urls);

        var connectionString = $"Data Source={options.DatabasePath}";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IEventStore>(_ => new SqliteEventStore(connectionString));
        builder.Services.AddSingleton<ISummaryStore>(_ => new SqliteSummaryStore(connectionString));
        builder.Services.AddSingleton<IAggregateStore>(_ => new SqliteAggregateStore(connectionString));
        builder.Services.AddSingleton(new ApiAuthentication(options.Api.Token));
        if (options.HomeAssistant.UsesRest || options.HomeAssistant.UsesFile)
        {
            // A factory registration, so the container disposes the HTTP client at shutdown.
            builder.Services.AddSingleton<IHaAutomationSource>(_ => HomeAssistantAutomations.Create(options.HomeAssistant)!);
        }

        // Registered before Akka so the broker listens before the bridge first connects.
        builder.Services.AddSingleton<EmbeddedBroker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());

        builder.Services.AddAkka(ActorSystemName, (akka, services) =>
        {
            akka.AddHocon(PersistenceHocon.AkkaConf, HoconAddMode.Prepend)
                .AddHocon(PersistenceHocon.ForSqlite(options.DatabasePath), HoconAddMode.Prepend)
                .AddHocon(SqlPersistence.DefaultConfiguration, HoconAddMode.Append)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithActors((system, registry, resolver) =>
                {
                    var settings = resolver.GetService<IOptions<HaIngestorOptions>>().Value.ToActorSettings();
                    var guardian = system.ActorOf(
                        HaIngestorGuardian.Props(
                            settings,
                            resolver.GetService<IEventStore>(),
                            resolver.GetService<ISummaryStore>(),
                            resolver.GetService<TimeProvider>(),
                            DetectorCatalog.CreateAll(options.Detectors),
                            resolver.GetService<IAggregateStore>(),
                            resolver.GetService<IHaAutomationSource?>()),
                        HaIngestorGuardian.Name);
                    registry.Register<HaIngestorGuardian>(guardian);
                });
        });

        var app = builder.Build();
        app.Services.GetRequiredService<DataDirectoryLock>();
        app.MapHaIngestorApi();
        return app;
    }
}
