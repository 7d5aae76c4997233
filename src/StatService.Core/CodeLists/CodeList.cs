namespace StatService.Core.CodeLists;

/// <summary>
/// One code system (ICD-10/SKS, ATC, regions, municipalities) with lookups for order validation:
/// known prefixes, suggestions for typos, free-text search and the hierarchy.
/// Codes are matched ignoring case (chapters are written <c>chIV</c>); entries keep the order of the data file.
/// </summary>
public sealed class CodeList
{
    private readonly Dictionary<string, CodeEntry> _byCode;
    private readonly Dictionary<string, List<CodeEntry>> _children;

    // Codes an order may select by prefix, sorted ordinally so a prefix check is one binary search.
    private readonly string[] _selectable;
    private readonly (CodeEntry Entry, HashSet<string> Words)[] _searchIndex;
    private readonly HashSet<string> _selectableSet;
    private readonly SearchSynonyms _synonyms;

    /// <param name="system">Name of the code system, e.g. <c>icd10</c>.</param>
    /// <param name="entries">The codes; each code once.</param>
    /// <param name="isSelectable">
    /// Which entries orders select by prefix. ICD-10 passes categories and subcategories only, so that a
    /// prefix of a block code such as <c>DE10-</c> is not accepted. Defaults to every entry.
    /// </param>
    /// <param name="synonyms">Everyday words and phrases the search also understands.</param>
    public CodeList(string system, IEnumerable<CodeEntry> entries, Func<CodeEntry, bool>? isSelectable = null, SearchSynonyms? synonyms = null)
    {
        _synonyms = synonyms ?? SearchSynonyms.None;
        System = system;
        Entries = [.. entries];
        _byCode = new Dictionary<string, CodeEntry>(Entries.Count, StringComparer.OrdinalIgnoreCase);
        _children = new Dictionary<string, List<CodeEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries)
        {
            if (!_byCode.TryAdd(entry.Code, entry))
            {
                throw new ArgumentException($"Code {entry.Code} occurs twice in {system}.", nameof(entries));
            }

            if (entry.Parent is { } parent)
            {
                if (!_children.TryGetValue(parent, out var list))
                {
                    _children[parent] = list = [];
                }

                list.Add(entry);
            }
        }

        _selectable = [.. Entries.Where(isSelectable ?? (_ => true)).Select(e => e.Code).Order(StringComparer.Ordinal)];
        _selectableSet = new HashSet<string>(_selectable, StringComparer.Ordinal);
        _searchIndex = [.. Entries.Select(e => (e, new HashSet<string>(
            TextFolding.Words(e.LabelDa).Concat(TextFolding.Words(e.LabelEn)), StringComparer.Ordinal)))];
    }

    public string System { get; }

    public IReadOnlyList<CodeEntry> Entries { get; }

    public CodeEntry? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// True when <paramref name="prefix"/> is a code of this list or begins at least one selectable code:
    /// <c>DE1</c> and <c>DE11</c> are known, <c>DE1Z</c> is not.
    /// </summary>
    public bool IsKnownPrefix(string prefix)
    {
        var p = Normalise(prefix);
        return p.Length > 0 && (_byCode.ContainsKey(p) || FirstSelectableFrom(p) is { } first && first.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>
    /// The valid codes closest to an unknown one: codes under its longest known prefix first (a typo is
    /// usually at the end), nearest by edit distance, then the nearest codes of the whole list.
    /// </summary>
    public IReadOnlyList<CodeEntry> Suggest(string unknown, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var u = Normalise(unknown);
        if (max == 0 || u.Length == 0)
        {
            return [];
        }

        var prefix = u;
        while (prefix.Length > 0 && !IsKnownPrefix(prefix))
        {
            prefix = prefix[..^1];
        }

        var underPrefix = SelectableWithPrefix(prefix).ToHashSet(StringComparer.Ordinal);
        if (_byCode.ContainsKey(u))
        {
            underPrefix.Add(u);
        }

        return [.. _selectable.Concat(underPrefix).Distinct(StringComparer.Ordinal)
            .Select(code => (Code: code, UnderPrefix: underPrefix.Contains(code), Distance: EditDistance.Between(u, code)))
            .OrderByDescending(c => c.UnderPrefix)
            .ThenBy(c => c.Distance)
            .ThenBy(c => Math.Abs(c.Code.Length - u.Length))
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(max)
            .Select(c => _byCode[c.Code])];
    }

    /// <summary>
    /// Codes matching a query: codes starting with the query first (shortest first), then the codes of
    /// everyday phrases the query begins ("hjerteinf" finds <c>DI21</c>), then entries whose Danish or
    /// English title contains every query word as a word start, ignoring case and diacritics
    /// ("sukkersyge", "diabetes" and "type 2" all find <c>DE11</c>). Among title matches, categories rank
    /// first, then the blocks that group them, then subcategories, then chapters.
    /// </summary>
    public IReadOnlyList<CodeEntry> Search(string query, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var trimmed = query.Trim();
        if (max == 0 || trimmed.Length == 0)
        {
            return [];
        }

        var results = new List<CodeEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var codePrefix = Normalise(trimmed);
        if (!codePrefix.Contains(' ', StringComparison.Ordinal))
        {
            foreach (var entry in Entries.Where(e => e.Code.StartsWith(codePrefix, StringComparison.OrdinalIgnoreCase))
                         .OrderBy(e => e.Code.Length).ThenBy(e => e.Code, StringComparer.Ordinal))
            {
                if (seen.Add(entry.Code))
                {
                    results.Add(entry);
                }
            }
        }

        var folded = TextFolding.Words(trimmed).ToArray();
        foreach (var code in _synonyms.CodesFor(folded))
        {
            if (Find(code) is { } entry && seen.Add(entry.Code))
            {
                results.Add(entry);
            }
        }

        var queryWords = folded.Select(_synonyms.Expand).ToArray();
        if (queryWords.Length > 0)
        {
            var matches = _searchIndex
                .Select(item => (item.Entry, Score: Score(item.Words, queryWords)))
                .Where(m => m.Score >= 0 && !seen.Contains(m.Entry.Code))
                .OrderByDescending(m => m.Score)
                .ThenBy(m => Rank(m.Entry))
                .ThenBy(m => m.Entry.Code, StringComparer.Ordinal);
            results.AddRange(matches.Select(m => m.Entry));
        }

        return results.Count > max ? results[..max] : results;
    }

    /// <summary>The entries whose parent is <paramref name="code"/>, in file order.</summary>
    public IReadOnlyList<CodeEntry> Children(string code) =>
        _children.TryGetValue(code.Trim(), out var list) ? list : [];

    /// <summary>Parent, grandparent and so on up to the root, as far as they are in this list.</summary>
    public IReadOnlyList<CodeEntry> Ancestors(string code)
    {
        var result = new List<CodeEntry>();
        var current = Find(code);
        while (current?.Parent is { } parent && _byCode.TryGetValue(parent, out var next) && result.Count <= Entries.Count)
        {
            result.Add(next);
            current = next;
        }

        return result;
    }

    // Selectable codes are upper-case letters and digits.
    private static string Normalise(string code) => code.Trim().ToUpperInvariant();

    private string? FirstSelectableFrom(string prefix)
    {
        var i = Array.BinarySearch(_selectable, prefix, StringComparer.Ordinal);
        if (i < 0)
        {
            i = ~i;
        }

        return i < _selectable.Length ? _selectable[i] : null;
    }

    private IEnumerable<string> SelectableWithPrefix(string prefix)
    {
        if (prefix.Length == 0)
        {
            yield break;
        }

        var i = Array.BinarySearch(_selectable, prefix, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i; i < _selectable.Length && _selectable[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _selectable[i];
        }
    }

    // Categories are what orders name most; the block that groups them (an order takes it as its range) comes
    // next, before the finer subcategories; a chapter is rarely meant. Lists without these levels rank by depth.
    private int Rank(CodeEntry entry) => entry.Level switch
    {
        CodeLevels.Category => 0,
        CodeLevels.Block => 1,
        CodeLevels.Subcategory => 2,
        CodeLevels.Chapter => 3,
        _ => Depth(entry) + (_selectableSet.Contains(entry.Code) ? 0 : 10),
    };

    private int Depth(CodeEntry entry)
    {
        var depth = 0;
        for (var e = entry; e.Parent is { } p && _byCode.TryGetValue(p, out var parent) && depth <= Entries.Count; e = parent)
        {
            depth++;
        }

        return depth;
    }

    // -1 when a query word matches no label word; otherwise 2 per exact word and 1 per word start.
    private static int Score(HashSet<string> labelWords, IReadOnlyList<string>[] queryWords)
    {
        var score = 0;
        foreach (var alternatives in queryWords)
        {
            var best = -1;
            foreach (var q in alternatives)
            {
                if (labelWords.Contains(q))
                {
                    best = 2;
                    break;
                }

                if (best < 1 && labelWords.Any(w => w.StartsWith(q, StringComparison.Ordinal)))
                {
                    best = 1;
                }
            }

            if (best < 0)
            {
                return -1;
            }

            score += best;
        }

        return score;
    }
}
