using System.Security.Cryptography;

namespace StatService.Core.Catalogue;

/// <summary>
/// The record-key secret as the two HMAC-SHA256 key pads (RFC 2104), bound as BLOB parameters so DuckDB computes
/// each person's record key as <c>sha256(outer || sha256(inner || pnr))</c>, the same HMAC that
/// <see cref="Disclosure.RecordKeys"/> computes in C#. The SQL text never holds the secret.
/// </summary>
public sealed record RecordKeyPads(byte[] Inner, byte[] Outer)
{
    private const int BlockBytes = 64;

    /// <summary>Bound when no product in the order uses cell keys: the query then computes no hashes.</summary>
    public static RecordKeyPads None { get; } = new([], []);

    public static RecordKeyPads From(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < Disclosure.RecordKeys.MinimumSecretBytes)
        {
            throw new ArgumentException($"The record-key secret needs at least {Disclosure.RecordKeys.MinimumSecretBytes} bytes.", nameof(secret));
        }

        var key = new byte[BlockBytes];
        (secret.Length > BlockBytes ? SHA256.HashData(secret) : secret.ToArray()).CopyTo(key, 0);
        return new RecordKeyPads(key.Select(b => (byte)(b ^ 0x36)).ToArray(), key.Select(b => (byte)(b ^ 0x5c)).ToArray());
    }
}
