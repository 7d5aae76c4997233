using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Core.Catalogue;

/// <summary>
/// Rates derived after protection (e.g. new cases per 100,000 residents): each cell is the published
/// numerator over the published denominator, rounded to a whole number, and suppressed wherever either
/// is suppressed. Only published numbers go in, so a rate reveals nothing the release does not.
/// A rate's numerator counts some of its denominator's persons (cases among residents), so a rate is at most
/// <see cref="RateSpec.Per"/>: where cell-key noise lifts a small published numerator above its published
/// denominator, the rate is capped at <see cref="RateSpec.Per"/> (still a function of published numbers only).
/// </summary>
public static class RateTables
{
    public static IReadOnlyList<ProtectedTable> Derive(IReadOnlyList<ProtectedTable> protectedTables, IEnumerable<RateSpec> rates, IReadOnlyList<int> years)
    {
        var byName = protectedTables.ToDictionary(t => t.Table.Name, StringComparer.Ordinal);
        var derived = new List<ProtectedTable>();
        foreach (var rate in rates)
        {
            foreach (var year in years)
            {
                if (!byName.TryGetValue($"{rate.Numerator}-{year}", out var numerator) || !byName.TryGetValue($"{rate.Denominator}-{year}", out var denominator))
                {
                    continue;
                }

                var values = new long[numerator.Table.CellCount];
                var status = new CellStatus[values.Length];
                for (var cell = 0; cell < values.Length; cell++)
                {
                    if (numerator.PublishedValue(cell) is { } n && denominator.PublishedValue(cell) is { } d)
                    {
                        values[cell] = d == 0 ? 0 : (long)Math.Round(Math.Min(n, d) * (double)rate.Per / d, MidpointRounding.AwayFromZero);
                        status[cell] = CellStatus.Published;
                    }
                    else
                    {
                        status[cell] = CellStatus.Suppressed;
                    }
                }

                derived.Add(new ProtectedTable(new CountTable($"{rate.Name}-{year}", numerator.Table.Dimensions, values) { Additive = false }, status));
            }
        }

        return derived;
    }
}
