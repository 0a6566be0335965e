using System.Net;
using System.Net.Sockets;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>Loopback ports nobody listens on, so several hosts can run side by side.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
