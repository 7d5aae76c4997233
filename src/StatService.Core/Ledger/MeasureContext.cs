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

    /// <summary>Prefixes sorted, each once, none under another; "*" for every medicine.</summary>
    private static string Medicines(IReadOnlyList<string> prefixes)
    {
        var sorted = prefixes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var kept = sorted.Where(p => !sorted.Any(q => q.Length < p.Length && p.StartsWith(q, StringComparison.Ordinal))).ToList();
        return kept.Count == 0 ? "*" : string.Join(',', kept);
    }
}
