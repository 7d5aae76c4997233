namespace StatService.Core.CodeLists;

/// <summary>
/// Everyday Danish words that requesters type but the SKS titles do not use ("sukkersyge" for
/// diabetes). Keys and values are folded (see <see cref="TextFolding"/>); a query word also matches
/// label words that start with one of its synonyms.
/// </summary>
internal static class SearchSynonyms
{
    private static readonly Dictionary<string, string[]> Map = new(StringComparer.Ordinal)
    {
        ["sukkersyge"] = ["diabetes"],
        ["sukkersyg"] = ["diabetes"],
        ["blodprop"] = ["infarkt", "emboli", "trombose"],
        ["hjertesvigt"] = ["hjerteinsufficiens", "hjertesvigt"],
        ["slagtilfaelde"] = ["apopleksi", "apoplexia", "hjerneinfarkt"],
        ["cancer"] = ["kraeft", "malign"],
        ["kraeft"] = ["cancer", "malign"],
        ["gigt"] = ["artrit", "arthrit", "artrose"],
        ["sklerose"] = ["sclerosis"],
        ["sclerose"] = ["sklerose", "sclerosis"],
        ["astma"] = ["asthma"],
        ["lungebetaendelse"] = ["pneumoni"],
        ["blodtryk"] = ["hypertension"],
        ["depression"] = ["depressiv"],
        ["kol"] = ["obstruktiv"],
        ["hoftebrud"] = ["larbenshals", "pertrokantaer", "subtrokantaer"],
    };

    public static IReadOnlyList<string> Expand(string foldedWord) =>
        Map.TryGetValue(foldedWord, out var synonyms) ? [foldedWord, .. synonyms] : [foldedWord];
}
