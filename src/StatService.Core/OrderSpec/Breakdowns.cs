using StatService.Core.CodeLists;
using StatService.Core.Tables;

namespace StatService.Core.OrderSpec;

/// <summary>
/// The dimensions product tables use. The order's breakdowns (region, sex, age band) are person
/// attributes at the index date, so every person falls in exactly one inner cell; the others belong to
/// fixed product tables (medicine groups, ICD-10 chapters, contact bands, death outcome).
/// </summary>
public sealed class Breakdowns(CodeListSet codeLists)
{
    public const string Region = "region";
    public const string Sex = "sex";
    public const string AgeBand = "ageband";

    /// <summary>ATC group at the order's level; codes are the most used groups found, plus <see cref="OtherCode"/>.</summary>
    public const string AtcGroup = "atcgroup";

    /// <summary>ICD-10 chapter (chI ... chXXII) of a diagnosis.</summary>
    public const string Chapter = "chapter";

    /// <summary>Hospital contacts per person per year, in bands.</summary>
    public const string ContactBand = "contactband";

    /// <summary>Alive at the end of the extract, or dead with the underlying cause's ICD-10 chapter.</summary>
    public const string Outcome = "outcome";

    public const string OtherCode = "other";
    public const string AliveCode = "alive";
    public const string UnknownCauseCode = "unknown";

    /// <summary>The breakdowns an order may ask for.</summary>
    public static IReadOnlyList<string> All { get; } = [Region, Sex, AgeBand];

    /// <summary>Every dimension a product table may declare.</summary>
    public static IReadOnlyList<string> TableDimensionNames { get; } = [Region, Sex, AgeBand, AtcGroup, Chapter, ContactBand, Outcome];

    /// <summary>Ten-year bands, the last open: 0-9, 10-19, ..., 80-89, 90+.</summary>
    public static IReadOnlyList<string> AgeBandCodes { get; } =
        [.. Enumerable.Range(0, 9).Select(i => $"{i * 10}-{i * 10 + 9}"), "90+"];

    public static string AgeBandOf(int age) => age >= 90 ? "90+" : $"{age / 10 * 10}-{age / 10 * 10 + 9}";

    /// <summary>Contacts per person per year: lower bounds of the bands (0 is its own band).</summary>
    public static IReadOnlyList<string> ContactBandCodes { get; } = ["0", "0-1", "1-2", "2-5", "5-10", "10+"];

    public static string ContactBandOf(double perYear) => perYear switch
    {
        <= 0 => "0",
        < 1 => "0-1",
        < 2 => "1-2",
        < 5 => "2-5",
        < 10 => "5-10",
        _ => "10+",
    };

    private IReadOnlyList<IcdChapter>? _chapters;

    /// <summary>ICD-10 chapters with the range of SKS codes each covers, from the code list.</summary>
    public IReadOnlyList<IcdChapter> Chapters => _chapters ??= IcdChapter.FromCodeList(codeLists.Icd10);

    /// <summary>The names of the dimensions' codes, in either language; releases are written with the Danish ones.</summary>
    public DimensionLabels Labels { get; } = new(codeLists);

    /// <summary>A dimension with fixed codes; <paramref name="observed"/> supplies the codes of data-driven ones (ATC groups).</summary>
    public TableDimension Dimension(string name, IReadOnlyCollection<string>? observed = null) => name switch
    {
        Region => Flat(Region, codeLists.Regions.Entries.Select(e => e.Code).Order(StringComparer.Ordinal)),
        Sex => Flat(Sex, ["male", "female"]),
        AgeBand => Flat(AgeBand, AgeBandCodes),
        AtcGroup => Flat(AtcGroup, AtcGroups(observed ?? [])),
        Chapter => Flat(Chapter, Chapters.Select(c => c.Code)),
        ContactBand => Flat(ContactBand, ContactBandCodes),
        Outcome => Flat(Outcome, Chapters.Select(c => c.Code).Prepend(AliveCode).Append(UnknownCauseCode)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown dimension."),
    };

    /// <summary>How many codes (margin included) a dimension will have, for size estimates before the query runs.</summary>
    public int CodeCount(string name, CohortParameters parameters) => name switch
    {
        AtcGroup => parameters.MedicationGroups.Top + 2,
        _ => Dimension(name).Count,
    };

    private TableDimension Flat(string name, IEnumerable<string> codes) => TableDimension.Flat(
        name, Danish(name, TableDimension.TotalCode), codes.Select(code => (code, Danish(name, code))));

    // A code the lists do not name (an ATC group missing from the list) is shown as itself.
    private string Danish(string dimension, string code) => Labels.Of(Localization.Texts.Danish, dimension, code) ?? code;

    private static IEnumerable<string> AtcGroups(IReadOnlyCollection<string> observed) =>
        observed.Where(c => c != OtherCode && c != TableDimension.TotalCode)
            .Order(StringComparer.Ordinal)
            .Append(OtherCode);
}
