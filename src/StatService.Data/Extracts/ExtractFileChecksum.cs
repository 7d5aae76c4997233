using System.Security.Cryptography;

namespace StatService.Data.Extracts;

/// <summary>A file of an extract version (relative to its folder) with its size and SHA-256, as written in the manifest.</summary>
public sealed record ExtractFileChecksum(string File, long Bytes, string Sha256)
{
    public static ExtractFileChecksum Of(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = System.IO.File.OpenRead(path);
        return new(file, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
