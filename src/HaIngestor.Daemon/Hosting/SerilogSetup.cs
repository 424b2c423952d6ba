using Serilog;
using Serilog.Events;

namespace HaIngestor.Daemon.Hosting;

/// <summary>Serilog for the daemon: console plus a daily rolling file in the data directory, level from configuration.</summary>
public static class SerilogSetup
{
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Source:l}: {Message:lj}{NewLine}{Exception}";

    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Source:l}: {Message:lj}{NewLine}{Exception}";

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, string dataDirectory, LogEventLevel consoleLevel) =>
        logger
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<LogSourceEnricher>()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, restrictedToMinimumLevel: consoleLevel, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(dataDirectory, "logs", "haingestor-.log"),
                outputTemplate: FileTemplate,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
}
