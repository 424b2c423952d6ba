using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HaIngestor.Integration.Tests.Infrastructure;

/// <summary>
/// A real mosquitto on a loopback port: the one test.sh started (HAINGESTOR_TEST_MQTT_PORT), or, when the
/// tests run on their own, one started here from the mosquitto binary. No mosquitto means the tests fail
/// with a clear message rather than silently passing.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;

    public MosquittoBroker()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HAINGESTOR_TEST_MQTT_PORT");
        if (int.TryParse(fromEnvironment, out var port))
        {
            Port = port;
            return;
        }

        var binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed; run the tests through ./test.sh, which installs and starts it");
        Port = FreePort();
        _directory = Directory.CreateTempSubdirectory("mosquitto-").FullName;
        var config = Path.Combine(_directory, "mosquitto.conf");
        File.WriteAllText(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        _process = Process.Start(new ProcessStartInfo(binary, ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("mosquitto did not start");
        WaitUntilListening();
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on 127.0.0.1:{Port}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
