using System.Net;
using System.Net.Sockets;

namespace HaIngestor.Daemon.Hosting;

/// <summary>A free TCP port on loopback, for the demo's embedded broker and API.</summary>
public static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
