namespace StatService.Core.OrderSpec;

/// <summary>
/// A code prefix as a half-open range [Low, High): <c>DE11</c> becomes <c>DE11 &lt;= code &lt; DE12</c>.
/// An ICD-10 block written <c>DE10-DE14</c> becomes <c>DE10 &lt;= code &lt; DE15</c>.
/// Ranges let DuckDB skip row groups of extracts sorted by code, which a LIKE or starts_with cannot.
/// </summary>
public readonly record struct PrefixRange(string Low, string High)
{
    public static PrefixRange Of(string prefix)
    {
        if (prefix.Length == 0)
        {
            throw new ArgumentException("A code prefix cannot be empty.", nameof(prefix));
        }

        var dash = prefix.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && dash < prefix.Length - 1)
        {
            return new PrefixRange(prefix[..dash], Of(prefix[(dash + 1)..]).High);
        }

        // Codes use [0-9A-Z]; incrementing the last character gives the first string past every extension.
        var high = string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());
        return new PrefixRange(prefix, high);
    }
}
