namespace StatService.Core.Ledger;

/// <summary>
/// The codes of one attribute (sex, region) a person set is restricted to: every code, or a finite set. "Every code"
/// also holds persons with no code at all, so it is never taken to lie inside a finite set, even one listing every code:
/// the ledger may miss a nesting that way, never claim one that does not hold.
/// </summary>
public sealed class CodeSet : IEquatable<CodeSet>
{
    private const string AllText = "*";

    private readonly string[]? _codes;

    private CodeSet(string[]? codes) => _codes = codes;

    public static CodeSet All { get; } = new(null);

    public static CodeSet Of(IEnumerable<string> codes) => new(codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());

    public bool IsAll => _codes is null;

    public bool IsEmpty => _codes is { Length: 0 };

    public CodeSet Intersect(CodeSet other) =>
        _codes is null ? other : other._codes is null ? this : new(_codes.Intersect(other._codes, StringComparer.Ordinal).ToArray());

    public bool IsSubsetOf(CodeSet other) =>
        other._codes is null || (_codes is not null && _codes.All(c => Array.BinarySearch(other._codes, c, StringComparer.Ordinal) >= 0));

    /// <summary><c>*</c> for every code, else the codes in order, comma-separated.</summary>
    public override string ToString() => _codes is null ? AllText : string.Join(',', _codes);

    public static CodeSet Parse(string text) =>
        text == AllText ? All : Of(text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public bool Equals(CodeSet? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as CodeSet);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
