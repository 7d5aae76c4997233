using System.Net;

namespace StatService.Core.Notifications;

/// <summary>
/// Which callback URLs a webhook may go to: absolute https URLs without user information; plain http only to
/// a loopback host, and only where <paramref name="allowLoopback"/> is on (development). The order API
/// validates the URL when the order is placed; the sender checks again, since settings change and rows wait.
/// </summary>
public static class CallbackUrlPolicy
{
    public static bool IsAllowed(string url, bool allowLoopback, out string reason)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            reason = "The callback URL is not an absolute URL.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            reason = "The callback URL must not carry user information.";
            return false;
        }

        if (IsLoopback(uri) && !allowLoopback)
        {
            reason = "Callback URLs to this machine are allowed in development only.";
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            reason = "";
            return true;
        }

        reason = "The callback URL must use https.";
        return false;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
