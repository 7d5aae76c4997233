using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.Tables;

namespace StatService.Core.Ledger;

/// <summary>
/// The person set of every cell of a release: the order's criteria plus the cell's codes, in the canonical form the
/// release ledger stores and compares (<see cref="PersonSet"/>). Sex, age band and region narrow the order's filters
/// (a margin keeps the whole filter); every other code becomes part of the context, except the margin of an additive
/// table, which counts the table's whole population.
/// </summary>
public static class PersonSets
{
    /// <summary>Part of every context: raise it when what a kind of persons means changes, so older ledger cells no longer match.</summary>
    public const int DefinitionVersion = 1;

    /// <summary>Per table of <paramref name="tables"/> (as built for the order) and cell, its person set; null where it holds nobody by definition.</summary>
    public static PersonSet?[][] ForRelease(ProductDefinition product, CohortParameters parameters, IReadOnlyList<CountTable> tables)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tables);
        if (parameters.Measure != Measures.Persons)
        {
            throw new ArgumentException($"Only cells that count persons have person sets, not '{parameters.Measure}'.", nameof(parameters));
        }

        var instances = product.Tables
            .SelectMany(spec => spec.Instances(parameters).Select(instance => (instance.Name, Spec: spec, instance.Year)))
            .ToDictionary(i => i.Name, StringComparer.Ordinal);
        var sexes = parameters.Sex is { } sex ? CodeSet.Of([sex]) : CodeSet.All;
        var ages = new AgeSpan(parameters.Age.Min ?? 0, parameters.Age.Max);
        var regions = parameters.Regions.Count > 0 ? CodeSet.Of(parameters.Regions) : CodeSet.All;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        return tables.Select(table =>
        {
            var (_, spec, year) = instances.TryGetValue(table.Name, out var found)
                ? found
                : throw new ArgumentException($"Table '{table.Name}' is not a table of product '{product.Id}'.", nameof(tables));
            var nesting = table.Dimensions.Select(IsNesting).ToArray();
            var sets = new PersonSet?[table.CellCount];
            for (var cell = 0; cell < sets.Length; cell++)
            {
                var (cellSexes, cellAges, cellRegions) = (sexes, ages, regions);
                var others = new List<(string Dimension, string Code)>();
                for (var d = 0; d < table.Dimensions.Count; d++)
                {
                    var dimension = table.Dimensions[d];
                    var code = dimension.Codes[table.CodeIndex(cell, d)].Code;
                    if (nesting[d])
                    {
                        if (code == TableDimension.TotalCode)
                        {
                            continue;
                        }

                        switch (dimension.Name)
                        {
                            case Breakdowns.Sex:
                                cellSexes = cellSexes.Intersect(CodeSet.Of([code]));
                                break;
                            case Breakdowns.AgeBand:
                                cellAges = cellAges.Intersect(AgeSpan.FromBand(code));
                                break;
                            default:
                                cellRegions = cellRegions.Intersect(CodeSet.Of([code]));
                                break;
                        }
                    }
                    else if (!(table.Additive && code == TableDimension.TotalCode))
                    {
                        others.Add((dimension.Name, code));
                    }
                }

                var text = ContextText(product, parameters, spec, table.Name, year, others);
                if (!hashes.TryGetValue(text, out var context))
                {
                    hashes[text] = context = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
                }

                var set = new PersonSet(context, cellSexes, cellAges, cellRegions);
                sets[cell] = set.IsEmpty ? null : set;
            }

            return sets;
        }).ToArray();
    }

    /// <summary>Sex, age band and region nest; only flat dimensions, whose codes are the attribute's own values.</summary>
    private static bool IsNesting(TableDimension dimension) =>
        dimension.Name is Breakdowns.Sex or Breakdowns.AgeBand or Breakdowns.Region
        && Enumerable.Range(1, dimension.Count - 1).All(dimension.IsLeaf);

    /// <summary>Everything but the nesting criteria, as canonical JSON: fixed property order, code lists sorted and distinct.</summary>
    internal static string ContextText(
        ProductDefinition product, CohortParameters parameters, TableSpec spec, string instance, int? year, IReadOnlyList<(string Dimension, string Code)> others)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("definition", DefinitionVersion);
            json.WriteString("persons", spec.Persons ?? "table");
            var at = year is { } y ? ProductYears.Window(parameters.Period, y).To : parameters.IndexDate;
            json.WriteString("at", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (spec.Persons != TablePersons.Residents)
            {
                if (spec.Persons is null)
                {
                    json.WriteString("product", product.Id);
                    json.WriteString("table", instance);
                    if (product.Parameters.Contains("medicationGroups", StringComparer.Ordinal))
                    {
                        json.WriteNumber("medicationLevel", parameters.MedicationGroups.Level);
                        json.WriteNumber("medicationTop", parameters.MedicationGroups.Top);
                    }
                }

                Codes(json, "diagnoses", parameters.Diagnoses.Include, parameters.Diagnoses.Exclude);
                Strings(json, "diagnosisTypes", parameters.Diagnoses.DiagnosisTypes);
                Codes(json, "procedures", parameters.Procedures.Include, parameters.Procedures.Exclude);
                Codes(json, "medications", parameters.Medications.Include, parameters.Medications.Exclude);
                json.WriteString("occurrence", parameters.Occurrence);
                json.WriteString("periodFrom", parameters.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("periodTo", parameters.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteBoolean("aliveAndResident", parameters.AliveAndResident);
            }

            json.WriteStartArray("cell");
            foreach (var (dimension, code) in others.OrderBy(o => o.Dimension, StringComparer.Ordinal))
            {
                json.WriteStringValue($"{dimension}={code}");
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Codes(Utf8JsonWriter json, string name, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        json.WriteStartObject(name);
        Strings(json, "include", include);
        Strings(json, "exclude", exclude);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
