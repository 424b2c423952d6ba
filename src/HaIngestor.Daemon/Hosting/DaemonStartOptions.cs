using Serilog.Events;

namespace HaIngestor.Daemon.Hosting;

/// <summary>How a verb wants the daemon host built.</summary>
/// <param name="Args">Command-line arguments passed on to the configuration system.</param>
/// <param name="Overrides">Configuration keys set by the verb's options (they win over files and environment).</param>
/// <param name="ConsoleLevel">Console log level; the log file always gets the configured level.</param>
public sealed record DaemonStartOptions(
    string[] Args,
    IReadOnlyDictionary<string, string?> Overrides,
    LogEventLevel ConsoleLevel = LogEventLevel.Information);
