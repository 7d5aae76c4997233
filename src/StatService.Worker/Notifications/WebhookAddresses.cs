using System.Net;
using System.Net.Sockets;

namespace StatService.Worker.Notifications;

/// <summary>
/// Which IP addresses a webhook may connect to. Checked on the resolved address at connect time (not on the
/// URL), so a callback host cannot point into the service's own network, nor switch there by DNS rebinding
/// after a check.
/// </summary>
internal static class WebhookAddresses
{
    public static bool IsAllowed(IPAddress address, bool allowLoopback, bool allowPrivateNetworks)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        if (IsUnroutable(address))
        {
            return false;
        }

        return allowPrivateNetworks || !IsPrivate(address);
    }

    private static bool IsUnroutable(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        // 0.0.0.0/8 "this network"; 224.0.0.0/3 multicast and reserved (broadcast included).
        return b[0] == 0 || b[0] >= 224;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // fc00::/7 unique local; link-local and the deprecated site-local.
            return (first & 0xFE) == 0xFC || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata services among them
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127); // carrier-grade NAT
    }

    /// <summary>An HTTP handler that connects only to allowed addresses and follows no redirects.</summary>
    public static SocketsHttpHandler Handler(bool allowLoopback, bool allowPrivateNetworks, TimeSpan connectTimeout) => new()
    {
        // A redirect would take the request to a URL nobody checked.
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.Where(a => IsAllowed(a, allowLoopback, allowPrivateNetworks)).ToArray();
            if (allowed.Length == 0)
            {
                throw new ForbiddenCallbackAddressException();
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
