using System.Net;
using System.Net.Sockets;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>Loopback ports nobody listens on, so a benchmark never collides with a running service.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
