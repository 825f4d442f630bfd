using System.Net;
using System.Net.Sockets;

namespace Connectors.AwsSes.IntegrationTests.Support;

/// <summary>Picks a TCP port on 127.0.0.1 that is free right now.</summary>
public static class FreeTcpPort
{
    /// <summary>
    /// Binds a listener to 127.0.0.1:0, reads the port the OS chose and releases it. Another process can take the
    /// port before the caller binds it; callers that start a process on it retry with a new port when that happens.
    /// </summary>
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
