using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StatService.Core.Notifications;

/// <summary>
/// The <c>StatService-Signature</c> header of a webhook: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>,
/// the HMAC keyed with the signing key over <c>"&lt;t&gt;.&lt;body&gt;"</c> (UTF-8). Signing the time with the body
/// lets a receiver refuse replays of old requests.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "StatService-Signature";

    public const string EventIdHeaderName = "StatService-Event-Id";

    public static string Create(string signingKey, DateTimeOffset timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(t + "." + body));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
