using System.Globalization;
using System.Text.Json;
using StatService.TestSupport.Cohorts;

namespace StatService.TestSupport.Attacks;

/// <summary>
/// Reads a delivered release of sums (a custom-table of contacts, dispensings or DDD) the way its reader can, and gives
/// each cell its contributors (persons whose value is above 0) with their values, recomputed from the raw registers. The
/// quantity summed is named from the echoed parameters: the measure, the medicines (prefixes under another left out) and
/// the period. Count releases are not read here (<see cref="ReleaseReading"/>).
/// </summary>
public static class MagnitudeReading
{
    /// <summary>The release's cells of sums, or null when it publishes counts.</summary>
    public static MagnitudeRead? Read(JsonElement release, RegisterRows rows, string? label = null)
    {
        var product = release.GetProperty("product").GetString()!;
        var spec = CohortSpec.Read(release.GetProperty("parameters"));
        if (product != "custom-table" || spec.Measure == CohortSpec.Persons)
        {
            return null;
        }

        var name = label ?? $"{release.GetProperty("orderId").GetString()![..8]} {spec.Measure} {ReleaseReading.Summary(spec)}";
        var expected = IndependentProducts.CohortTable("custom-table", rows, spec);
        var cells = new List<MagnitudeCell>();
        var mismatches = new List<string>();
        foreach (var table in release.GetProperty("tables").EnumerateArray())
        {
            foreach (var cell in table.GetProperty("cells").EnumerateArray())
            {
                var coordinates = cell.GetProperty("coordinates").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal);
                var codes = expected.Dimensions.Select(d => coordinates[d]).ToArray();
                var contributors = expected.Records
                    .Where(r => r.Value > 0 && codes.Select((c, d) => c == SpecCodes.Total || c == r.Codes[d]).All(x => x))
                    .ToDictionary(r => r.Pnr, r => r.Value, StringComparer.Ordinal);
                var value = cell.GetProperty("value");
                long? published = value.ValueKind == JsonValueKind.Null ? null : (long)Math.Round(value.GetDouble());
                if (published is { } sum && sum != contributors.Values.Sum())
                {
                    mismatches.Add($"{name} [{string.Join(", ", codes)}]: published {sum}, recomputed {contributors.Values.Sum()}");
                }

                cells.Add(new MagnitudeCell(name, coordinates, published, contributors));
            }
        }

        return new MagnitudeRead(name, Quantity(spec), cells, mismatches);
    }

    private static string Quantity(CohortSpec spec)
    {
        var medicines = spec.Measure == CohortSpec.Contacts
            ? "none"
            : spec.MeasureAtc.Count == 0
                ? "all"
                : string.Join('+', spec.MeasureAtc.Where(p => !spec.MeasureAtc.Any(q => q.Length < p.Length && p.StartsWith(q, StringComparison.Ordinal)))
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return string.Create(CultureInfo.InvariantCulture, $"{spec.Measure} of {medicines} from {spec.From:yyyy-MM-dd} to {spec.To:yyyy-MM-dd}");
    }
}

/// <summary>A release of sums read: its label, the quantity it sums, its cells, and published sums the recomputation does not explain.</summary>
public sealed record MagnitudeRead(string Label, string Quantity, IReadOnlyList<MagnitudeCell> Cells, IReadOnlyList<string> Mismatches);

/// <summary>One cell of sums: published (exact) or hidden (null), with each contributor's value.</summary>
public sealed record MagnitudeCell(string Release, IReadOnlyDictionary<string, string> Coordinates, long? Published, IReadOnlyDictionary<string, long> Contributors)
{
    public string Describe() =>
        $"{Release} [{string.Join(", ", Coordinates.Select(c => $"{c.Key}={c.Value}"))}] " + (Published is { } sum ? $"= {sum}" : "hidden");
}
