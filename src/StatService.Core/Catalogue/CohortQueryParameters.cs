using System.Text.RegularExpressions;
using StatService.Core.OrderSpec;

namespace StatService.Core.Catalogue;

/// <summary>
/// Turns validated order parameters into the <c>$named</c> values of a product's SQL. This is the only
/// bridge from an order to SQL: values, never text. Only the names the SQL uses are bound.
/// </summary>
public static partial class CohortQueryParameters
{
    /// <param name="recordKeys">The record-key secret's pads; needed only when the order's policy is cell-key.</param>
    /// <param name="personSets">Whether inner cells return their persons (person index places) for the release ledger.</param>
    /// <param name="lifts">Variants 1.. of a query that counts variants: the order with these attribute filters lifted
    /// (variant 0, the order itself, is always there).</param>
    public static IReadOnlyDictionary<string, object?> For(
        CohortParameters p, ProductDefinition product, Breakdowns breakdowns, RecordKeyPads? recordKeys = null, bool personSets = false,
        IReadOnlyList<AttributeLift>? lifts = null)
    {
        var values = All(p, product, breakdowns);
        values["person_sets"] = personSets;
        AttributeLift[] variants = [AttributeLift.None, .. lifts ?? []];
        values["variant_any_age"] = variants.Select(v => v.AnyAge).ToList();
        values["variant_any_sex"] = variants.Select(v => v.AnySex).ToList();
        values["variant_any_region"] = variants.Select(v => v.AnyRegion).ToList();
        var cellKeys = product.PolicyFor(p).Method == Disclosure.DisclosureMethod.CellKey;
        var pads = cellKeys
            ? recordKeys is { Inner.Length: > 0 } configured
                ? configured
                : throw new InvalidOperationException($"Product '{product.Id}' uses cell-key perturbation, but no record-key secret is configured (Disclosure:RecordKeySecret).")
            : RecordKeyPads.None;
        values["cell_keys"] = cellKeys;
        values["key_inner"] = pads.Inner;
        values["key_outer"] = pads.Outer;
        var used = ParameterName().Matches(product.Sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return values.Where(v => used.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, object?> All(CohortParameters p, ProductDefinition product, Breakdowns breakdowns)
    {
        var policy = product.PolicyFor(p);
        var years = ProductYears.Of(p.Period).Select(y => ProductYears.Window(p.Period, y)).ToArray();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["index_date"] = p.IndexDate,
            ["period_from"] = p.Period.From,
            ["period_to"] = p.Period.To,
            ["alive_resident"] = p.AliveAndResident,
            // first-ever: a type's first event anywhere in the extract up to the period's end
            ["events_from"] = p.Occurrence == Occurrence.FirstEver ? DateOnly.MinValue : p.Period.From,
            // one or two types, as two scalars so the filter stays a plain IN DuckDB pushes into the scan
            ["dx_type_first"] = p.Diagnoses.DiagnosisTypes[0],
            ["dx_type_last"] = p.Diagnoses.DiagnosisTypes[^1],
            ["criteria_types"] = (p.Diagnoses.Include.Count > 0 ? 1 : 0) + (p.Procedures.Include.Count > 0 ? 1 : 0) + (p.Medications.Include.Count > 0 ? 1 : 0),
            ["age_min"] = p.Age.Min,
            ["age_max"] = p.Age.Max,
            ["sex"] = p.Sex,
            ["regions"] = p.Regions.ToList(),
            ["dim1"] = p.Breakdown.ElementAtOrDefault(0) ?? string.Empty,
            ["dim2"] = p.Breakdown.ElementAtOrDefault(1) ?? string.Empty,
            ["dim3"] = p.Breakdown.ElementAtOrDefault(2) ?? string.Empty,
            ["measure"] = p.Measure,
            ["measure_atc_all"] = p.MeasureAtc.Count == 0,
            ["atc_level_length"] = p.MedicationGroups.Level == 3 ? 3 : 4,
            ["top_groups"] = p.MedicationGroups.Top,
            // Largest per-person contributions per cell, for dominance rules (never delivered); at least two.
            ["top_n"] = Math.Max(2, policy.Dominance.ContributionsNeeded),
            ["chapter_code"] = breakdowns.Chapters.Select(c => c.Code).ToList(),
            ["chapter_low"] = breakdowns.Chapters.Select(c => c.Low).ToList(),
            ["chapter_high"] = breakdowns.Chapters.Select(c => c.High).ToList(),
            ["year_from"] = years.Select(w => w.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            ["year_to"] = years.Select(w => w.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        };
        AddRanges(values, "dx_include", p.Diagnoses.Include.Select(c => DiagnosisRange(c, breakdowns)));
        AddRanges(values, "dx_exclude", p.Diagnoses.Exclude.Select(c => DiagnosisRange(c, breakdowns)));
        AddRanges(values, "proc_include", p.Procedures.Include);
        AddRanges(values, "proc_exclude", p.Procedures.Exclude);
        AddRanges(values, "atc_include", p.Medications.Include);
        AddRanges(values, "atc_exclude", p.Medications.Exclude);
        AddRanges(values, "measure_atc", p.MeasureAtc);
        return values;
    }

    private static void AddRanges(Dictionary<string, object?> values, string name, IReadOnlyList<string> prefixes) =>
        AddRanges(values, name, prefixes.Select(PrefixRange.Of));

    // A chapter chosen as a criterion (chIV) is the range of its categories; blocks and prefixes name their range.
    private static PrefixRange DiagnosisRange(string code, Breakdowns breakdowns) =>
        breakdowns.Chapters.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) is { } chapter
            ? new PrefixRange(chapter.Low, chapter.High)
            : PrefixRange.Of(code);

    private static void AddRanges(Dictionary<string, object?> values, string name, IEnumerable<PrefixRange> source)
    {
        var ranges = source.ToArray();
        values[$"{name}_low"] = ranges.Select(r => r.Low).ToList();
        values[$"{name}_high"] = ranges.Select(r => r.High).ToList();

        // The span of all ranges as two scalars: a filter DuckDB checks against row-group min/max
        // (a join against the range list alone would read every row group). Empty lists match nothing.
        values[$"{name}_min"] = ranges.Length == 0 ? string.Empty : ranges.Select(r => r.Low).Min(StringComparer.Ordinal)!;
        values[$"{name}_max"] = ranges.Length == 0 ? string.Empty : ranges.Select(r => r.High).Max(StringComparer.Ordinal)!;
    }

    [GeneratedRegex(@"\$([a-z][a-z0-9_]*)")]
    private static partial Regex ParameterName();
}
