namespace StatService.Delivery.Release;

/// <summary>Sheet names Excel accepts: at most 31 characters, none of []:*?/\, unique, never a reserved name.</summary>
internal sealed class XlsxSheetNames(params string[] reserved)
{
    private readonly HashSet<string> _used = new(reserved, StringComparer.OrdinalIgnoreCase);

    public string Next(string wanted)
    {
        var clean = new string(wanted.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray()).Trim('\'', ' ');
        clean = clean.Length == 0 ? "table" : clean[..Math.Min(31, clean.Length)];
        var name = clean;
        for (var n = 2; !_used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return name;
    }
}
