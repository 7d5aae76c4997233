using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StatService.Core.Disclosure;

/// <summary>
/// Record keys for cell-key perturbation: each person's key is a keyed hash (HMAC-SHA256) of the pseudonym, read as a
/// whole number below 2^32, i.e. the fraction key / 2^32, uniform in [0,1). Keyed with a secret so that nobody outside
/// the service can compute a person's key and from it the noise of a cell. The same secret must be used for every
/// release, or the same persons stop getting the same noise.
/// </summary>
public sealed class RecordKeys
{
    /// <summary>Shorter secrets could be guessed; 16 bytes is the least HMAC-SHA256 deserves.</summary>
    public const int MinimumSecretBytes = 16;

    private readonly byte[] _secret;

    public RecordKeys(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The record-key secret needs at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>The person's record key as a 32-bit whole number; sum these (modulo 2^32) per cell and use <see cref="CellKeySum.ToKey"/>.</summary>
    public uint WholeKeyOf(string pseudonym)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(pseudonym), hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    /// <summary>The person's record key in [0,1).</summary>
    public double KeyOf(string pseudonym) => CellKeySum.ToKey(WholeKeyOf(pseudonym));
}
