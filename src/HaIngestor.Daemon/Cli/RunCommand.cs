using System.CommandLine;
using HaIngestor.Daemon.Configuration;
using HaIngestor.Daemon.Hosting;

namespace HaIngestor.Daemon.Cli;

/// <summary><c>run</c>: the daemon. Stops gracefully on SIGTERM or Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var dataDir = DaemonOptions.DataDirectory();
        var mqttHost = DaemonOptions.MqttHost();
        var mqttPort = DaemonOptions.MqttPort();
        var command = new Command("run", "Run the daemon (the default verb)") { dataDir, mqttHost, mqttPort };
        command.SetAction(async parse =>
        {
            var overrides = DaemonOptions.Overrides(parse, dataDir, mqttHost, mqttPort);
            try
            {
                await using var app = DaemonHost.Build(new DaemonStartOptions([], overrides));
                await app.RunAsync();
                return 0;
            }
            catch (InvalidConfigurationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            catch (IOException e)
            {
                // A port in use (embedded broker or REST API): one clear line instead of a stack trace.
                Console.Error.WriteLine($"HaIngestor cannot start: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
