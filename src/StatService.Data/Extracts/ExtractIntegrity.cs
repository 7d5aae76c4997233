namespace StatService.Data.Extracts;

/// <summary>
/// Checks an extract version's files against its manifest: each file a table lives in exists, and each file with a
/// checksum has its size and SHA-256. A query may skip damaged row groups by their statistics, so only reading every
/// byte finds damage before a release is built on it.
/// </summary>
public static class ExtractIntegrity
{
    /// <summary>The first problem found, or null when every file is as the manifest says.</summary>
    public static ExtractFault? Verify(ExtractManifest manifest, string folder, CancellationToken cancellationToken = default)
    {
        var referenced = manifest.Tables.Values.Select(t => t.File).Append(manifest.Database).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var file in referenced)
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                return new(manifest.ExtractVersion, file, "is missing");
            }
        }

        foreach (var expected in manifest.Files ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, expected.File);
            if (!File.Exists(path))
            {
                return new(manifest.ExtractVersion, expected.File, "is missing");
            }

            ExtractFileChecksum actual;
            try
            {
                actual = ExtractFileChecksum.Of(folder, expected.File);
            }
            catch (IOException unreadable)
            {
                return new(manifest.ExtractVersion, expected.File, $"cannot be read ({unreadable.GetType().Name})");
            }
            catch (UnauthorizedAccessException)
            {
                return new(manifest.ExtractVersion, expected.File, "cannot be read (access denied)");
            }

            if (actual.Bytes != expected.Bytes)
            {
                return new(manifest.ExtractVersion, expected.File, $"has {actual.Bytes} bytes, the manifest says {expected.Bytes}");
            }

            if (!string.Equals(actual.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                return new(manifest.ExtractVersion, expected.File, "does not match its SHA-256 checksum in the manifest");
            }
        }

        return null;
    }
}
