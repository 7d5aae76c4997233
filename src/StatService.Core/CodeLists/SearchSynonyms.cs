namespace StatService.Core.CodeLists;

/// <summary>
/// Everyday Danish words and phrases that requesters type but the code titles do not use, read from
/// <c>synonyms.csv</c>: a <c>word</c> row widens a search word ("sukkersyge" also finds "diabetes"),
/// a <c>phrase</c> row names the codes a phrase means ("blodprop i hjertet" is <c>DI21</c>).
/// Terms are folded (see <see cref="TextFolding"/>).
/// </summary>
public sealed class SearchSynonyms
{
    public const string File = "synonyms.csv";

    public const string WordKind = "word";

    public const string PhraseKind = "phrase";

    // A one- or two-letter search would match most phrases by a word start.
    private const int MinPhraseQueryLength = 3;

    private static readonly string[] Header = ["kind", "term", "meaning"];

    private readonly Dictionary<string, string[]> _words;
    private readonly (string[] Words, string[] Codes, int Line)[] _phrases;

    public SearchSynonyms(IEnumerable<(string Word, string[] Synonyms)> words, IEnumerable<(string Phrase, string[] Codes, int Line)> phrases)
    {
        _words = words.ToDictionary(w => TextFolding.Fold(w.Word), w => w.Synonyms.Select(TextFolding.Fold).ToArray(), StringComparer.Ordinal);
        _phrases = [.. phrases.Select(p => (TextFolding.Words(p.Phrase).ToArray(), p.Codes, p.Line))];
    }

    public static SearchSynonyms None { get; } = new([], []);

    /// <summary>
    /// Every code a phrase row names with its line. A code missing from a list (an imported list of another
    /// edition) is left out of that list's search rather than failing the load.
    /// </summary>
    public IEnumerable<(int Line, string Code)> PhraseCodes => _phrases.SelectMany(p => p.Codes.Select(c => (p.Line, c)));

    /// <summary>Reads <see cref="File"/> from a code list folder; a folder without it has no synonyms.</summary>
    public static SearchSynonyms Load(string directory)
    {
        var path = Path.Combine(directory, File);
        if (!System.IO.File.Exists(path))
        {
            return None;
        }

        using var reader = System.IO.File.OpenText(path);
        var rows = CodeListCsv.Read(reader, File, Header);
        var words = new List<(string, string[])>();
        var phrases = new List<(string, string[], int)>();
        foreach (var row in rows)
        {
            var meaning = row.Fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (row.Fields[1].Length == 0 || meaning.Length == 0)
            {
                throw new CodeListFormatException(File, row.Line, "term and meaning must not be empty.");
            }

            switch (row.Fields[0])
            {
                case WordKind: words.Add((row.Fields[1], meaning)); break;
                case PhraseKind: phrases.Add((row.Fields[1], meaning, row.Line)); break;
                default: throw new CodeListFormatException(File, row.Line, $"unknown kind '{row.Fields[0]}'; expected {WordKind} or {PhraseKind}.");
            }
        }

        return new SearchSynonyms(words, phrases);
    }

    /// <summary>A folded query word and the words it also stands for.</summary>
    public IReadOnlyList<string> Expand(string foldedWord) =>
        _words.TryGetValue(foldedWord, out var synonyms) ? [foldedWord, .. synonyms] : [foldedWord];

    /// <summary>The codes of every phrase whose words each query word begins ("blodprop hjerte" finds "blodprop i hjertet").</summary>
    public IEnumerable<string> CodesFor(IReadOnlyList<string> foldedQueryWords)
    {
        if (foldedQueryWords.Count == 0 || foldedQueryWords.Sum(w => w.Length) < MinPhraseQueryLength)
        {
            return [];
        }

        return _phrases
            .Where(p => foldedQueryWords.All(q => p.Words.Any(w => w.StartsWith(q, StringComparison.Ordinal))))
            .OrderBy(p => p.Words.Length)
            .SelectMany(p => p.Codes)
            .Distinct(StringComparer.Ordinal);
    }
}
