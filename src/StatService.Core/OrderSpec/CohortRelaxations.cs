using StatService.Core.Tables;

namespace StatService.Core.OrderSpec;

/// <summary>
/// The order with one restriction lifted: each counts, in every cell, the persons of the same cell of the order and
/// maybe more, so a zero of the order inside a small cell of a relaxation says what all of those few persons share
/// (see <c>ZeroGroupPrimaries</c>). Lifted one at a time, as an attacker would order them: every exclusion at once,
/// each exclusion alone (when there are several), the age span, the sex, the regions, each inclusion type (when
/// several must be met) and first-ever occurrence. Alive-and-resident is not lifted: the persons it adds are the dead
/// and emigrated, whose own cells (an outcome of death) the order leaves empty by its definition, so nearly every zero
/// of a death outcome would look telling and take the shared totals with it.
/// </summary>
public static class CohortRelaxations
{
    /// <summary>Exclusion codes lifted one by one only up to this many; beyond it, all of them at once only.</summary>
    public const int MaxSingleExclusions = 4;

    /// <param name="fixedOccurrence">The product fixes the occurrence (incidence counts first-ever cases only): lifting
    /// it would change what a case is, not add persons, and nobody can order it.</param>
    public static IReadOnlyList<CohortRelaxation> Of(CohortParameters order, bool fixedOccurrence)
    {
        var relaxed = new List<CohortRelaxation>();
        var exclusions = order.Diagnoses.Exclude.Count + order.Procedures.Exclude.Count + order.Medications.Exclude.Count;
        if (exclusions > 0)
        {
            relaxed.Add(new(order with
            {
                Diagnoses = order.Diagnoses with { Exclude = [] },
                Procedures = order.Procedures with { Exclude = [] },
                Medications = order.Medications with { Exclude = [] },
            }));
        }

        if (exclusions is > 1 and <= MaxSingleExclusions)
        {
            relaxed.AddRange(order.Diagnoses.Exclude.Select(code => new CohortRelaxation(order with { Diagnoses = order.Diagnoses with { Exclude = Without(order.Diagnoses.Exclude, code) } })));
            relaxed.AddRange(order.Procedures.Exclude.Select(code => new CohortRelaxation(order with { Procedures = order.Procedures with { Exclude = Without(order.Procedures.Exclude, code) } })));
            relaxed.AddRange(order.Medications.Exclude.Select(code => new CohortRelaxation(order with { Medications = order.Medications with { Exclude = Without(order.Medications.Exclude, code) } })));
        }

        if (order.Age.Min is not null || order.Age.Max is not null)
        {
            relaxed.Add(new(order with { Age = new AgeRange(null, null) }, AttributeLift.Age));
        }

        if (order.Sex is not null)
        {
            relaxed.Add(new(order with { Sex = null }, AttributeLift.Sex));
        }

        if (order.Regions.Count > 0)
        {
            relaxed.Add(new(order with { Regions = [] }, AttributeLift.Regions));
        }

        // Every inclusion type must be met; with two or more, dropping one counts a superset. The last one never goes:
        // a cohort needs some inclusion.
        var types = new[] { order.Diagnoses.Include.Count, order.Procedures.Include.Count, order.Medications.Include.Count }.Count(n => n > 0);
        if (types > 1)
        {
            if (order.Diagnoses.Include.Count > 0)
            {
                relaxed.Add(new(order with { Diagnoses = order.Diagnoses with { Include = [] } }));
            }

            if (order.Procedures.Include.Count > 0)
            {
                relaxed.Add(new(order with { Procedures = order.Procedures with { Include = [] } }));
            }

            if (order.Medications.Include.Count > 0)
            {
                relaxed.Add(new(order with { Medications = order.Medications with { Include = [] } }));
            }
        }

        if (order.Occurrence == Occurrence.FirstEver && !fixedOccurrence)
        {
            relaxed.Add(new(order with { Occurrence = Occurrence.Any }));
        }

        return relaxed;
    }

    /// <summary>
    /// Whether the order's own filters (sex, regions, age span) rule the cell out whatever the data: a cell of men in an
    /// order for women, of a region the order leaves out, of an age band outside its span. Its zero is no news.
    /// </summary>
    public static bool EmptyByDefinition(CohortParameters order, CountTable table, int cell)
    {
        for (var d = 0; d < table.Dimensions.Count; d++)
        {
            var code = table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code;
            if (code == TableDimension.TotalCode)
            {
                continue;
            }

            var outside = table.Dimensions[d].Name switch
            {
                Breakdowns.Sex => order.Sex is { } sex && !string.Equals(code, sex, StringComparison.Ordinal),
                Breakdowns.Region => order.Regions.Count > 0 && !order.Regions.Contains(code, StringComparer.Ordinal),
                Breakdowns.AgeBand => AgeBandOutside(code, order.Age),
                _ => false,
            };
            if (outside)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether no age in the span falls in the band (bands in <see cref="Breakdowns.AgeBandCodes"/> order).</summary>
    private static bool AgeBandOutside(string band, AgeRange span)
    {
        var index = Array.IndexOf(AgeBands, band);
        return index >= 0
            && ((span.Min is { } min && index < Array.IndexOf(AgeBands, Breakdowns.AgeBandOf(min)))
                || (span.Max is { } max && index > Array.IndexOf(AgeBands, Breakdowns.AgeBandOf(max))));
    }

    private static readonly string[] AgeBands = [.. Breakdowns.AgeBandCodes];

    private static string[] Without(IReadOnlyList<string> codes, string code) => [.. codes.Where(c => !string.Equals(c, code, StringComparison.Ordinal))];
}
