using System.Net;
using System.Net.Sockets;

namespace AppBackend.IntegrationTests.Fixtures;

public static class FreeTcpPort
{
    /// <summary>A loopback port free right now (the OS picks it); used where a URL must name the port before start.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
