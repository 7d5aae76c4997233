using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;

namespace StatService.Core.Catalogue;

/// <summary>One row of a product query: a cell of a named table, its codes (d1..d3), value and largest contributions.</summary>
public sealed record TableRow(string Table, string?[] Codes, long Value, long[]? Top)
{
    /// <summary>The cell's persons' record keys summed modulo 2^32 (<c>key_sum</c>), for cell-key perturbation.</summary>
    public uint? KeySum { get; init; }

    /// <summary>An inner cell's persons (person index places, ascending) when the query was asked for them; null otherwise.</summary>
    public int[]? Persons { get; init; }

    /// <summary>A magnitude cell's per-person values, in the order of <see cref="Persons"/>; null for counts or when not asked for.</summary>
    public long[]? PersonValues { get; init; }
}

/// <summary>
/// Builds the tables of a release from a product query's rows, as the product declares them. Additive
/// tables are filled from their inner cells and every margin the query returned must equal the sum
/// (<see cref="CohortTableBuilder"/>); non-additive tables take every cell from the query and each margin
/// must lie between its largest part and the sum of its parts. Magnitude measures carry each inner
/// cell's largest per-person contributions for the dominance rules.
/// </summary>
public static class ReleaseTableBuilder
{
    public static IReadOnlyList<CountTable> Build(ProductDefinition product, CohortParameters parameters, Breakdowns breakdowns, IReadOnlyList<TableRow> rows)
    {
        var byTable = rows.GroupBy(r => r.Table, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var magnitude = ProductDefinition.IsMagnitude(parameters.Measure);
        var cellKeys = product.PolicyFor(parameters).Method == DisclosureMethod.CellKey;
        var tables = new List<CountTable>();
        foreach (var spec in product.Tables)
        {
            var dimensionNames = spec.DimensionsFor(parameters);
            foreach (var name in spec.InstanceNames(parameters))
            {
                var tableRows = byTable.Remove(name, out var found) ? found : [];
                var dimensions = dimensionNames
                    .Select((d, i) => breakdowns.Dimension(d, tableRows.Select(r => r.Codes[i]).OfType<string>().Distinct(StringComparer.Ordinal).ToArray()))
                    .ToArray();
                var table = spec.Additive
                    ? CohortTableBuilder.Build(name, dimensions, tableRows.Select(r => (r.Codes.Take(dimensions.Length).ToArray(), r.Value)).ToList())
                    : NonAdditive(name, dimensions, tableRows);
                tables.Add(new CountTable(name, dimensions, table.Values)
                {
                    Additive = spec.Additive,
                    LinkGroup = spec.LinkGroup,
                    Contributions = magnitude ? Contributions(table, tableRows) : null,
                    CellKeys = cellKeys ? CellKeys(table, tableRows) : null,
                    Persons = tableRows.Any(r => r.Persons is not null) ? InnerPersons(table, tableRows, r => r.Persons) : null,
                    PersonValues = tableRows.Any(r => r.PersonValues is not null) ? InnerPersons(table, tableRows, r => r.PersonValues) : null,
                });
            }
        }

        if (byTable.Count > 0)
        {
            throw new InconsistentTableException($"The query returned rows for a table the product does not declare ({byTable.Keys.First()}).");
        }

        return tables;
    }

    private static CountTable NonAdditive(string name, IReadOnlyList<TableDimension> dimensions, IReadOnlyList<TableRow> rows)
    {
        var size = dimensions.Aggregate(1, (s, d) => checked(s * d.Count));
        var table = new CountTable(name, dimensions, new long[size]) { Additive = false };
        foreach (var row in rows)
        {
            table.Values[CellOf(table, row)] = row.Value;
        }

        foreach (var relation in table.Relations())
        {
            var total = table.Values[relation.Total];
            var parts = relation.Parts.Select(p => table.Values[p]).ToArray();
            if (total > parts.Sum() || (parts.Length > 0 && total < parts.Max()))
            {
                throw new InconsistentTableException("A margin of a non-additive table lies outside the bounds its cells set.");
            }
        }

        return table;
    }

    private static long[]?[] Contributions(CountTable table, IReadOnlyList<TableRow> rows)
    {
        var contributions = new long[]?[table.CellCount];
        foreach (var row in rows)
        {
            var cell = CellOf(table, row);
            if (table.IsInner(cell))
            {
                contributions[cell] = (row.Top ?? []).OrderDescending().ToArray();
            }
        }

        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (table.IsInner(cell))
            {
                contributions[cell] ??= [];
            }
        }

        return contributions;
    }

    /// <summary>
    /// Every cell's key from the key sums the query returned for it (margins too: they count their own persons, so
    /// non-additive tables get true margin keys); a cell the query did not return has no persons and key 0.
    /// </summary>
    private static double[] CellKeys(CountTable table, IReadOnlyList<TableRow> rows)
    {
        var keys = new double[table.CellCount];
        foreach (var row in rows)
        {
            keys[CellOf(table, row)] = CellKeySum.ToKey(row.KeySum
                ?? throw new InconsistentTableException($"The query of table '{table.Name}' returned no cell keys (key_sum), which cell-key perturbation needs."));
        }

        return keys;
    }

    /// <summary>Each inner cell's persons (or their values); an inner cell the query did not return holds nobody.</summary>
    private static T[]?[] InnerPersons<T>(CountTable table, IReadOnlyList<TableRow> rows, Func<TableRow, T[]?> of)
    {
        var persons = new T[]?[table.CellCount];
        foreach (var row in rows)
        {
            var cell = CellOf(table, row);
            if (table.IsInner(cell))
            {
                persons[cell] = of(row) ?? [];
            }
        }

        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (table.IsInner(cell))
            {
                persons[cell] ??= [];
            }
        }

        return persons;
    }

    private static int CellOf(CountTable table, TableRow row)
    {
        var coordinates = new int[table.Dimensions.Count];
        for (var d = 0; d < coordinates.Length; d++)
        {
            var code = row.Codes[d] ?? throw new InconsistentTableException($"The query returned a row without a {table.Dimensions[d].Name}.");
            coordinates[d] = table.Dimensions[d].IndexOf(code);
            if (coordinates[d] < 0)
            {
                throw new InconsistentTableException($"The query returned an unknown {table.Dimensions[d].Name} code.");
            }
        }

        return table.CellIndex(coordinates);
    }
}
