using StatService.Core.CodeLists;

namespace StatService.Core.OrderSpec;

/// <summary>
/// An ICD-10 chapter and the SKS codes it covers as one range [Low, High): chapters are contiguous
/// ranges of categories (chIV is DE00 to DE90), so a diagnosis finds its chapter by a range join.
/// </summary>
public sealed record IcdChapter(string Code, string Label, string Low, string High)
{
    public static IReadOnlyList<IcdChapter> FromCodeList(CodeList icd10) =>
        icd10.Entries
            .Where(e => e.Level == CodeLevels.Chapter)
            .Select(chapter =>
            {
                var categories = Descendants(icd10, chapter.Code)
                    .Where(e => e.Level == CodeLevels.Category)
                    .Select(e => e.Code)
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                return categories.Length == 0
                    ? null
                    : new IcdChapter(chapter.Code, chapter.LabelDa, categories[0], PrefixRange.Of(categories[^1]).High);
            })
            .OfType<IcdChapter>()
            .ToArray();

    private static IEnumerable<CodeEntry> Descendants(CodeList list, string code) =>
        list.Children(code).SelectMany(child => Descendants(list, child.Code).Prepend(child));
}
