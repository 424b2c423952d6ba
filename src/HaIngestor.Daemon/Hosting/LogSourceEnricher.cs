using Serilog.Core;
using Serilog.Events;

namespace HaIngestor.Daemon.Hosting;

/// <summary>
/// Adds <c>Source</c>: the actor path for Akka's log lines (their SourceContext is always the actor system),
/// the logger's category for everything else, so one template reads well for both.
/// </summary>
public sealed class LogSourceEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var source = logEvent.Properties.TryGetValue("ActorPath", out var actorPath) ? actorPath
            : logEvent.Properties.TryGetValue("SourceContext", out var context) ? context
            : null;
        if (source is not null)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty("Source", source));
        }
    }
}
