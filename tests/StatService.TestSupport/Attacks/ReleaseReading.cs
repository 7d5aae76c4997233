using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StatService.TestSupport.Cohorts;

namespace StatService.TestSupport.Attacks;

/// <summary>
/// Reads a delivered release (the JSON of <c>GET /api/orders/{id}/result</c>) the way its reader can: the echoed
/// parameters, the method and rule of its disclosure section, each table's cells. Each count cell is then given the
/// persons it counts, from the products recomputed over the raw registers. Tables that are not person counts (sums of
/// contacts, dispensings, DDD; rates) are left out: they are not sets of persons.
/// </summary>
public static partial class ReleaseReading
{
    /// <param name="chapterOf">The ICD-10 chapter of a diagnosis code, for group-profile's comorbidity table; null leaves that table out.</param>
    /// <param name="denominators">Whether incidence-prevalence's population tables (every resident, by year) are read.</param>
    public static ReleaseRead Read(JsonElement release, RegisterRows rows, Func<string, string?>? chapterOf, string? label = null, bool denominators = true)
    {
        var product = release.GetProperty("product").GetString()!;
        var spec = CohortSpec.Read(release.GetProperty("parameters"));
        var name = label ?? $"{release.GetProperty("orderId").GetString()![..8]} {product} {Summary(spec)}";
        var expected = Expected(product, spec, rows, chapterOf).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var bounds = Bounds.Of(release.GetProperty("disclosure"));

        var cells = new List<ReleaseCell>();
        var mismatches = new List<string>();
        foreach (var table in release.GetProperty("tables").EnumerateArray())
        {
            var tableName = table.GetProperty("name").GetString()!;
            if (!expected.TryGetValue(tableName, out var want) || (!denominators && tableName.StartsWith("population-", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var cell in table.GetProperty("cells").EnumerateArray())
            {
                var coordinates = cell.GetProperty("coordinates").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal);
                var codes = want.Dimensions.Select(d => coordinates[d]).ToArray();
                var persons = want.PersonsAt(codes);
                var value = cell.GetProperty("value");
                var hidden = value.ValueKind == JsonValueKind.Null;
                long? published = hidden ? null : (long)Math.Round(value.GetDouble());
                var (low, high) = hidden ? bounds.Hidden : bounds.OfPublished(published!.Value);
                if (persons.Count < low || persons.Count > high)
                {
                    mismatches.Add($"{name} {tableName} [{string.Join(", ", codes)}]: published {(hidden ? "hidden" : published)}, recomputed {persons.Count} persons");
                    if (hidden)
                    {
                        // A hidden cell that breaks the rule's promise (a hidden zero): the reader's bound would be wrong, so none is used.
                        low = 0;
                    }
                }

                cells.Add(new ReleaseCell(name, tableName, coordinates, hidden, low, high, published, persons));
            }
        }

        return new ReleaseRead(name, product, cells, mismatches);
    }

    private static IEnumerable<ExpectedTable> Expected(string product, CohortSpec spec, RegisterRows rows, Func<string, string?>? chapterOf) => product switch
    {
        "patient-count" => [IndependentProducts.CohortTable("patient-count", rows, spec)],
        "custom-table" when spec.Measure == CohortSpec.Persons => [IndependentProducts.CohortTable("custom-table", rows, spec)],
        "group-profile" => IndependentProducts.GroupProfile(rows, spec, chapterOf ?? (_ => null)).Where(t => chapterOf is not null || t.Name != "comorbidity"),
        "incidence-prevalence" => IndependentProducts.IncidencePrevalence(rows, spec),
        _ => [],
    };

    /// <summary>An order in a few words, for findings a person must be able to follow.</summary>
    public static string Summary(CohortSpec s)
    {
        var parts = new List<string>();
        void Codes(string what, CodeSpec c)
        {
            if (c.Include.Count > 0)
            {
                parts.Add($"{what} {string.Join("+", c.Include)}");
            }

            if (c.Exclude.Count > 0)
            {
                parts.Add($"{what} not {string.Join("+", c.Exclude)}");
            }
        }

        Codes("dx", s.Diagnoses);
        Codes("proc", s.Procedures);
        Codes("atc", s.Medications);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s.From:yyyy-MM-dd}..{s.To:yyyy-MM-dd} at {s.IndexDate:yyyy-MM-dd}"));
        if (s.Occurrence != CohortSpec.Any)
        {
            parts.Add(s.Occurrence);
        }

        if (s.AgeMin is not null || s.AgeMax is not null)
        {
            parts.Add($"age {s.AgeMin}-{s.AgeMax}");
        }

        if (s.Sex is not null)
        {
            parts.Add(s.Sex);
        }

        if (s.Regions.Count > 0)
        {
            parts.Add(string.Join("+", s.Regions));
        }

        if (s.Breakdown.Count > 0)
        {
            parts.Add("by " + string.Join(" x ", s.Breakdown));
        }

        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>What a reader knows of a cell from the release's method and the numbers its rule states.</summary>
    private sealed record Bounds(string Method, (double Low, double High) Hidden, double Width)
    {
        public (double Low, double High) OfPublished(long value) => Method switch
        {
            "suppression" => (value, value),
            _ => (Math.Max(0, value - Width), value + Width),
        };

        public static Bounds Of(JsonElement disclosure)
        {
            var rule = disclosure.TryGetProperty("rule", out var r) ? r.GetString() ?? string.Empty : string.Empty;
            var method = disclosure.TryGetProperty("method", out var m) ? m.GetString() ?? "suppression" : "suppression";
            switch (method)
            {
                case "rounding":
                {
                    // Redacted counts are 1..n (a reader cannot rule out a zero being among them); others within half the base.
                    var redacted = Number(RedactedRule().Match(rule), 7);
                    var half = Math.Floor(Number(BaseRule().Match(rule), 5) / 2);
                    return new Bounds(method, (0, redacted), half);
                }

                case "cell-key":
                {
                    var noise = Number(NoiseRule().Match(rule), 2);
                    var below = Number(SmallRule().Match(rule), 5);
                    return new Bounds(method, (0, below - 1 + noise), noise);
                }

                default:
                    // Hidden cells are at least 1 only where the rule says zeros are published.
                    return new Bounds("suppression", (rule.Contains("zeros are published", StringComparison.Ordinal) ? 1 : 0, double.PositiveInfinity), 0);
            }
        }

        private static double Number(Match match, double fallback) =>
            match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"Counts 1-(\d+) are redacted")]
    private static partial Regex RedactedRule();

    [GeneratedRegex(@"nearest (?:multiple of )?(\d+)")]
    private static partial Regex BaseRule();

    [GeneratedRegex(@"noise of at most (\d+)")]
    private static partial Regex NoiseRule();

    [GeneratedRegex(@"cells below (\d+) after noise")]
    private static partial Regex SmallRule();
}

/// <summary>A release read: its label, product, cells with their persons, and any disagreement of its published numbers with the recomputed persons.</summary>
public sealed record ReleaseRead(string Label, string Product, IReadOnlyList<ReleaseCell> Cells, IReadOnlyList<string> Mismatches);
