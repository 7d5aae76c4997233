namespace StatService.Core.Catalogue;

/// <summary>
/// Turns validated cohort parameters into the <c>$named</c> values of a cohort SQL file.
/// This is the only bridge from an order to SQL: values, never text.
/// </summary>
public static class CohortQueryParameters
{
    public static IReadOnlyDictionary<string, object?> For(CohortParameters p)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["index_date"] = p.IndexDate,
            ["period_from"] = p.Period.From,
            ["period_to"] = p.Period.To,
            ["medication_required"] = p.Medications.Include.Count > 0,
            ["age_min"] = p.Age.Min,
            ["age_max"] = p.Age.Max,
            ["sex"] = p.Sex,
            ["regions"] = p.Regions.ToList(),
            ["by_region"] = p.Breakdown.Contains(Breakdowns.Region),
            ["by_sex"] = p.Breakdown.Contains(Breakdowns.Sex),
            ["by_ageband"] = p.Breakdown.Contains(Breakdowns.AgeBand),
        };
        AddRanges(values, "dx_include", p.Diagnoses.Include);
        AddRanges(values, "dx_exclude", p.Diagnoses.Exclude);
        AddRanges(values, "atc_include", p.Medications.Include);
        return values;
    }

    private static void AddRanges(Dictionary<string, object?> values, string name, IReadOnlyList<string> prefixes)
    {
        var ranges = prefixes.Select(PrefixRange.Of).ToArray();
        values[$"{name}_low"] = ranges.Select(r => r.Low).ToList();
        values[$"{name}_high"] = ranges.Select(r => r.High).ToList();

        // The span of all ranges as two scalars: a filter DuckDB checks against row-group min/max
        // (a join against the range list alone would read every row group). Empty lists match nothing.
        values[$"{name}_min"] = ranges.Length == 0 ? string.Empty : ranges.Select(r => r.Low).Min(StringComparer.Ordinal)!;
        values[$"{name}_max"] = ranges.Length == 0 ? string.Empty : ranges.Select(r => r.High).Max(StringComparer.Ordinal)!;
    }
}
