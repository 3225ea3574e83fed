using System.Net;
using System.Net.Sockets;

namespace OrleansProofs.Testing;

/// <summary>
/// Hands out loopback ports for test hosts that bind them later (Kestrel, Orleans silos, proxies).
/// </summary>
/// <remarks>
/// Why not "bind port 0 and release it": the kernel picks that port from the ephemeral range, and it stays free only
/// until the next outgoing connection on the machine takes it as its local port. The test assemblies run in parallel
/// and open many connections (HTTP, PostgreSQL, silo links); in CI one of them took a node's API port between the
/// pick and Kestrel's bind ("address already in use"). Ports below the ephemeral range (Linux default 32768-60999)
/// are never handed to outgoing connections, and a reservation file per port keeps parallel test processes from
/// picking the same one.
/// </remarks>
internal static class LoopbackPorts
{
    private const int First = 20000;
    private const int Count = 12000;
    private static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(30);
    private static readonly string ReservationFolder = Path.Combine(Path.GetTempPath(), "orleansproofs-test-ports");
    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Claimed = [];
    private static int _cursor = Random.Shared.Next(Count);

    static LoopbackPorts() =>
        // This process's reservations end with it; a crashed run's are cleared once they pass the lifetime.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (string path in Claimed)
            {
                File.Delete(path);
            }
        };

    /// <summary>A loopback port nothing listens on, reserved for this process.</summary>
    public static int Reserve()
    {
        Directory.CreateDirectory(ReservationFolder);
        for (int attempt = 0; attempt < Count; attempt++)
        {
            int port = First + (int)((uint)Interlocked.Increment(ref _cursor) % Count);
            if (TryClaim(port) && CanBind(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No loopback port in {First}-{First + Count - 1} is free and unreserved (reservations: {ReservationFolder}).");
    }

    private static bool TryClaim(int port)
    {
        string path = Path.Combine(ReservationFolder, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using FileStream claim = new(path, FileMode.CreateNew, FileAccess.Write);
            Claimed.Add(path);
            return true;
        }
        catch (IOException)
        {
            // Reserved by this or another test process; a reservation from a run long gone is cleared for a later pass.
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > ReservationLifetime)
            {
                File.Delete(path);
            }

            return false;
        }
    }

    private static bool CanBind(int port)
    {
        // Binding the wildcard address conflicts with any listener on the port, loopback or not.
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
