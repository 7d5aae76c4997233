using System.Globalization;
using StatService.Core.Tables;

namespace StatService.Cli.Commands;

/// <summary>
/// Seeded random count tables shaped like real extracts (region &gt; municipality, sex, age band and,
/// for bigger tables, diagnosis chapter &gt; block), with skewed counts so that many cells are small
/// and the threshold rule finds primaries. For benchmarks only: the same seed gives the same table.
/// </summary>
internal static class SyntheticTables
{
    /// <summary>Municipalities per region roughly as in Denmark (98 in all).</summary>
    private static readonly int[] DanishMunicipalities = [29, 17, 22, 11, 19];

    /// <summary>
    /// A table of about <paramref name="targetCells"/> cells, margins included, whose inner cells hold
    /// <paramref name="meanCount"/> persons on average (6: a thin table where about a third of all cells are small).
    /// </summary>
    public static CountTable Build(int targetCells, int seed, double meanCount = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCells, 100);
        var random = new Random(seed);
        var sex = TableDimension.Flat("sex", "All", [("M", "Men"), ("F", "Women")]);
        var age = TableDimension.Flat("ageband", "All ages",
            Enumerable.Range(0, 10).Select(i => ($"A{i * 10:00}", i == 9 ? "90+" : $"{i * 10}-{i * 10 + 9}")));

        // Cells multiply: region dimension (1 + 5 + municipalities) x sex 3 x age 11 x diagnosis (1 + chapters + blocks).
        var dimensions = new List<TableDimension>();
        var fullRegion = 1 + 5 + DanishMunicipalities.Sum();
        if (targetCells < fullRegion * 3 * 11)
        {
            // Small tables: fewer municipalities, spread over the regions in the Danish proportions.
            var municipalities = Math.Max(5, (int)Math.Round(targetCells / 33.0) - 6);
            dimensions.Add(Region(Scale(DanishMunicipalities, municipalities)));
            dimensions.Add(sex);
            dimensions.Add(age);
        }
        else
        {
            dimensions.Add(Region(DanishMunicipalities));
            var perDiagnosis = fullRegion * 11;
            var diagnosisCodes = (int)Math.Round((double)targetCells / perDiagnosis);
            if (diagnosisCodes > 20)
            {
                // Large enough for all four dimensions; sex triples the table, so the diagnosis list shrinks.
                dimensions.Add(sex);
                diagnosisCodes = (int)Math.Round((double)targetCells / (perDiagnosis * 3));
            }

            dimensions.Add(age);
            // At least two chapters of at least two blocks each: a chapter with one block would only repeat it.
            var chapters = Math.Max(2, (diagnosisCodes - 1) / 7);
            var blocks = Math.Max(2 * chapters, diagnosisCodes - 1 - chapters);
            dimensions.Add(Diagnosis(chapters, blocks));
        }

        // Skewed sizes: lognormal weights per leaf code, so a few large municipalities and blocks
        // hold most people while many inner cells expect only a handful.
        var weights = dimensions.Select(d => LeafWeights(d, random)).ToArray();
        var innerCells = dimensions.Aggregate(1L, (n, d) => n * Enumerable.Range(0, d.Count).Count(d.IsLeaf));
        var population = meanCount * innerCells;
        var name = string.Create(CultureInfo.InvariantCulture, $"synthetic-{targetCells}-mean{meanCount}-seed{seed}");
        return CountTable.FromInnerCells(name, dimensions, coordinates =>
        {
            var expected = population;
            for (var d = 0; d < coordinates.Length; d++)
            {
                expected *= weights[d][coordinates[d]];
            }

            return Poisson(random, expected);
        });
    }

    private static int[] Scale(int[] counts, int total)
    {
        var sum = counts.Sum();
        var scaled = counts.Select(c => Math.Max(1, (int)Math.Round((double)c * total / sum))).ToArray();
        return scaled;
    }

    private static TableDimension Region(IReadOnlyList<int> municipalitiesPerRegion)
    {
        var codes = new List<DimensionCode> { new(TableDimension.TotalCode, "All of Denmark", null) };
        for (var r = 0; r < municipalitiesPerRegion.Count; r++)
        {
            codes.Add(new DimensionCode($"R{r + 1}", $"Region {r + 1}", TableDimension.TotalCode));
        }

        var m = 0;
        for (var r = 0; r < municipalitiesPerRegion.Count; r++)
        {
            for (var i = 0; i < municipalitiesPerRegion[r]; i++, m++)
            {
                codes.Add(new DimensionCode($"M{m + 101:000}", $"Municipality {m + 101}", $"R{r + 1}"));
            }
        }

        return new TableDimension("region", codes);
    }

    private static TableDimension Diagnosis(int chapters, int blocks)
    {
        var codes = new List<DimensionCode> { new(TableDimension.TotalCode, "All diagnoses", null) };
        for (var c = 0; c < chapters; c++)
        {
            codes.Add(new DimensionCode($"C{c + 1:00}", $"Chapter {c + 1}", TableDimension.TotalCode));
        }

        // Blocks dealt round-robin over the chapters, so every chapter has at least one.
        for (var b = 0; b < blocks; b++)
        {
            codes.Add(new DimensionCode($"B{b + 1:000}", $"Block {b + 1}", $"C{b % chapters + 1:00}"));
        }

        return new TableDimension("diagnosis", codes);
    }

    /// <summary>Weights of the leaf codes summing to 1 (0 for non-leaves, which are never asked for).</summary>
    private static double[] LeafWeights(TableDimension dimension, Random random)
    {
        var weights = new double[dimension.Count];
        var flat = dimension.Name == "sex";
        for (var i = 0; i < weights.Length; i++)
        {
            if (dimension.IsLeaf(i))
            {
                weights[i] = flat ? 1 : Math.Exp(1.0 * Normal(random));
            }
        }

        var sum = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }

        return weights;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static long Poisson(Random random, double lambda)
    {
        if (lambda > 50)
        {
            // Normal approximation: exact sampling of big counts adds time and nothing to the benchmark.
            return Math.Max(0, (long)Math.Round(lambda + Math.Sqrt(lambda) * Normal(random)));
        }

        // Knuth's method: fine for the small means that matter here.
        var limit = Math.Exp(-lambda);
        var k = 0L;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
