using System.Globalization;
using StatService.Core.OrderSpec;

namespace StatService.Core.Ledger;

/// <summary>
/// What quantity a release's magnitude cells sum, as one canonical string: the measure, the medicines it sums (ATC prefixes
/// without those a shorter one covers; contacts sum no medicine) and the period. A person's value is the same in every
/// table of one context, so only such tables add up in the ledger's audit; a different period or medicine set is another
/// quantity. Empty for counts of persons.
/// </summary>
public static class MeasureContext
{
    public static string Of(CohortParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Measure == Measures.Persons)
        {
            return string.Empty;
        }

        var atc = parameters.Measure == Measures.Contacts ? "-" : Medicines(parameters.MeasureAtc);
        return string.Create(CultureInfo.InvariantCulture, $"{parameters.Measure}|{atc}|{parameters.Period.From:yyyy-MM-dd}|{parameters.Period.To:yyyy-MM-dd}");
    }

    /// <summary>
    /// Whether two different contexts sum overlapping parts of one quantity: the same measure, periods that share a day and
    /// medicine sets that share a medicine (one prefix under another). A person's sums in such contexts differ by what lies
    /// in one and not the other (a day at a period's end, the medicines of a narrower prefix), so two releases of them
    /// can be subtracted; contexts of disjoint periods or medicines, or of different measures, cannot.
    /// </summary>
    public static bool Overlap(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0 || a == b)
        {
            return false;
        }

        var (x, y) = (a.Split('|'), b.Split('|'));
        if (x.Length != 4 || y.Length != 4)
        {
            throw new FormatException("A measure context is measure|medicines|from|to.");
        }

        return x[0] == y[0]
            && string.CompareOrdinal(x[2], y[3]) <= 0 && string.CompareOrdinal(y[2], x[3]) <= 0
            && MedicinesMeet(x[1], y[1]);
    }

    private static bool MedicinesMeet(string a, string b)
    {
        if (a is "*" or "-" || b is "*" or "-")
        {
            return true;
        }

        var (x, y) = (a.Split(','), b.Split(','));
        return x.Any(p => y.Any(q => p.StartsWith(q, StringComparison.Ordinal) || q.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>Prefixes sorted, each once, none under another; "*" for every medicine.</summary>
    private static string Medicines(IReadOnlyList<string> prefixes)
    {
        var sorted = prefixes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var kept = sorted.Where(p => !sorted.Any(q => q.Length < p.Length && p.StartsWith(q, StringComparison.Ordinal))).ToList();
        return kept.Count == 0 ? "*" : string.Join(',', kept);
    }
}
