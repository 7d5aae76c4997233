using System.Security.Cryptography;
using System.Text;

namespace StatService.Core.Orders;

/// <summary>Unguessable tokens (API keys, status links) and the hashes they are stored as.</summary>
public static class Secrets
{
    /// <summary>32 random bytes, base64url without padding (43 characters).</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the text (UTF-8), upper-case hex: what is stored instead of the secret.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>SHA-256 of raw bytes (a request body), upper-case hex.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>Compares two hashes in time independent of where they differ.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
