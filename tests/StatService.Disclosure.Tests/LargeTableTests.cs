using System.Diagnostics;
using StatService.Core.Disclosure;
using StatService.Core.Tables;
using Xunit.Abstractions;

namespace StatService.Disclosure.Tests;

public class LargeTableTests(ITestOutputHelper output)
{
    /// <summary>Region &gt; municipality x sex x age band: 26 x 3 x 11 = 858 cells, many of them small.</summary>
    [Fact]
    public void Protects_a_three_dimensional_hierarchical_table_of_some_eight_hundred_cells()
    {
        var table = AreaBySexByAge(new Random(1), regions: 5, municipalities: 4, ages: 10);

        var clock = Stopwatch.StartNew();
        var release = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault);
        var protect = clock.Elapsed;

        // Timing goes to the test output only, as information; the machine decides the numbers.
        output.WriteLine($"{table.CellCount} cells, {release.Summary.PrimarySuppressions} primary and " +
            $"{release.Summary.SecondarySuppressions} secondary suppressions, protected and audited in {protect.TotalMilliseconds:0} ms");
        ReleaseAssertions.AssertSafe(release, [table], DisclosurePolicy.DanishDefault);
    }

    private static CountTable AreaBySexByAge(Random random, int regions, int municipalities, int ages)
    {
        var area = TestTables.TwoLevel("area", Enumerable.Range(0, regions)
            .Select(r => ($"R{r}", Enumerable.Range(0, municipalities).Select(m => $"R{r}M{m}").ToArray()))
            .ToArray());
        var sex = TestTables.Flat("sex", "male", "female");
        var age = TestTables.Flat("age", Enumerable.Range(0, ages).Select(a => $"A{a}").ToArray());
        var inner = new long[regions * municipalities * 2 * ages];
        for (var i = 0; i < inner.Length; i++)
        {
            inner[i] = random.Next(10) switch { 0 => 0, < 4 => random.Next(1, 5), _ => random.Next(5, 60) };
        }

        return TestTables.FromInner("area-by-sex-by-age", [area, sex, age], inner);
    }
}
