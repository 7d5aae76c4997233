using System.Security.Cryptography;
using System.Text;
using StatService.Core.Notifications;

namespace StatService.Core.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    private const string Key = "test-signing-key-0123456789abcdefghij";

    [Fact]
    public void The_signature_is_the_hmac_of_timestamp_dot_body_under_the_key()
    {
        var at = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        const string body = """{"id":"evt-1","status":{"from":null,"to":"submitted"},"text":"æøå"}""";

        var header = WebhookSignature.Create(Key, at, body);

        var t = at.ToUnixTimeSeconds();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Key));
        var expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t}.{body}"))).ToLowerInvariant();
        Assert.Equal($"t={t},v1={expected}", header);
    }

    [Fact]
    public void Another_body_time_or_key_gives_another_signature()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var original = WebhookSignature.Create(Key, at, "{}");

        Assert.NotEqual(original, WebhookSignature.Create(Key, at, "{ }"));
        Assert.NotEqual(original, WebhookSignature.Create(Key, at.AddSeconds(1), "{}"));
        Assert.NotEqual(original, WebhookSignature.Create(Key + "x", at, "{}"));
    }
}
