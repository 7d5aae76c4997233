using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests.Policies;

public sealed class CellKeyTests
{
    private static readonly DisclosurePolicy CellKey = DisclosurePolicyJson.Named["cell-key"];

    private static ProtectedRelease Protect(params CountTable[] tables) => new ReleaseProtection().Protect(tables, CellKey);

    [Fact]
    public void Margin_keys_derived_from_inner_keys_equal_keys_summed_from_the_persons()
    {
        var persons = Persons.Random(1, 3000);
        var table = Persons.Table("t", persons, ("region", p => p.Region), ("sex", p => p.Sex));
        var inner = table.CellKeys!;

        var derived = CellKeySum.WithMargins(table, cell => inner[cell]);

        Assert.Equal(table.CellKeys, derived);
    }

    [Fact]
    public void The_same_persons_get_the_same_noise_in_different_orders_and_tables()
    {
        var persons = Persons.Random(2, 4000);
        var bySex = Persons.Table("region-by-sex", persons, ("region", p => p.Region), ("sex", p => p.Sex));
        var byAge = Persons.Table("age-by-region", persons, ("ageband", p => p.AgeBand), ("region", p => p.Region));

        var first = Assert.Single(Protect(bySex).Tables);
        var second = Assert.Single(Protect(byAge).Tables);

        // Region 1083 in all sexes (first table) and in all age bands (second) counts the same persons.
        foreach (var region in Persons.Regions)
        {
            var a = PolicyTables.Cell(bySex, region, "total");
            var b = PolicyTables.Cell(byAge, "total", region);
            Assert.Equal(bySex.Values[a], byAge.Values[b]);
            Assert.Equal(first.PublishedValue(a), second.PublishedValue(b));
        }

        Assert.Equal(first.PublishedValue(0), second.PublishedValue(0));
        // Not vacuous: some of these shared cells did get noise, and the same noise in both tables.
        Assert.Contains(Persons.Regions.Prepend("total"), region =>
            first.PublishedValue(PolicyTables.Cell(bySex, region, "total")) != bySex.Values[PolicyTables.Cell(bySex, region, "total")]);
    }

    [Fact]
    public void Repeating_an_order_gives_the_identical_table()
    {
        var persons = Persons.Random(3, 2500);

        var once = Assert.Single(Protect(Persons.Table("t", persons, ("region", p => p.Region), ("ageband", p => p.AgeBand))).Tables);
        var again = Assert.Single(Protect(Persons.Table("t", persons.Reverse().ToArray(), ("region", p => p.Region), ("ageband", p => p.AgeBand))).Tables);

        Assert.Equal(once.Table.Values, again.Table.Values);
        Assert.Equal(once.Status, again.Status);
    }

    /// <summary>
    /// Differencing: "everyone with X" and "men with X" differ by the women with X. With cell keys the two published
    /// totals carry their own noise, so their difference is not the true difference in general; repeating either order
    /// returns the same number, so averaging repeats gains nothing.
    /// </summary>
    [Fact]
    public void Overlapping_orders_cannot_difference_out_a_person()
    {
        var exact = 0;
        const int Trials = 400;
        (long Everyone, long Men, long? PublishedEveryone, long? PublishedMen)? example = null;
        for (var trial = 0; trial < Trials; trial++)
        {
            var cohort = Persons.Random(1000 + trial, 40);
            var men = cohort.Where(p => p.Sex == "male").ToArray();
            var everyone = Assert.Single(Protect(Persons.Table("all", cohort, ("region", p => p.Region))).Tables);
            var onlyMen = Assert.Single(Protect(Persons.Table("men", men, ("region", p => p.Region))).Tables);
            var repeated = Assert.Single(Protect(Persons.Table("men", men, ("region", p => p.Region))).Tables);

            Assert.Equal(onlyMen.PublishedValue(0), repeated.PublishedValue(0));
            var trueDifference = cohort.Length - men.Length;
            if (everyone.PublishedValue(0) - onlyMen.PublishedValue(0) == trueDifference)
            {
                exact++;
            }
            else
            {
                example ??= (cohort.Length, men.Length, everyone.PublishedValue(0), onlyMen.PublishedValue(0));
            }
        }

        Assert.NotNull(example);
        // Independent noise of variance 1 on both totals matches only when both draws agree (about 30 % of the time).
        Assert.InRange(exact, 1, Trials / 2);
    }

    [Fact]
    public void Noise_is_bounded_zero_mean_and_has_the_configured_variance_over_many_cells()
    {
        var settings = CellKey.CellKey;
        var table = new CellKeyPerturbationTable(settings);
        var random = new Random(7);
        const int Cells = 40_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < Cells; i++)
        {
            var value = random.Next(settings.MaxNoise, 5000);
            var key = Persons.Keys.KeyOf($"cell-{i}");
            var noise = table.Noise(value, key);
            Assert.InRange(noise, -settings.MaxNoise, settings.MaxNoise);
            sum += noise;
            squares += noise * noise;
        }

        var mean = sum / Cells;
        var variance = squares / Cells - mean * mean;
        Assert.InRange(mean, -4 * Math.Sqrt(settings.Variance / Cells), 4 * Math.Sqrt(settings.Variance / Cells));
        Assert.InRange(variance, settings.Variance * 0.95, settings.Variance * 1.05);
    }

    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(3, 2.5)]
    [InlineData(1, 0.5)]
    [InlineData(1, 1.0)]
    public void Every_row_of_the_perturbation_table_has_mean_zero_and_never_makes_a_count_negative(int maxNoise, double variance)
    {
        var table = new CellKeyPerturbationTable(new CellKeySettings(maxNoise, variance, 5));

        for (var value = 0; value <= maxNoise + 3; value++)
        {
            var row = table.Distribution(value);
            Assert.Equal(1.0, row.Sum(r => r.Probability), 9);
            Assert.Equal(0.0, row.Sum(r => r.Noise * r.Probability), 9);
            Assert.All(row, r => Assert.True(value + r.Noise >= 0 && Math.Abs(r.Noise) <= maxNoise));
            if (value >= maxNoise)
            {
                Assert.Equal(variance, row.Sum(r => r.Noise * r.Noise * r.Probability), 6);
            }
        }

        Assert.Equal([(0, 1.0)], table.Distribution(0));
    }

    [Fact]
    public void Small_results_are_suppressed_totals_are_perturbed_on_their_own_and_the_release_says_it_is_not_additive()
    {
        var persons = Persons.Random(4, 600);
        var table = Persons.Table("t", persons, ("region", p => p.Region), ("ageband", p => p.AgeBand), ("sex", p => p.Sex));

        var release = Protect(table);

        var released = Assert.Single(release.Tables);
        var threshold = CellKey.CellKey.SmallCountThreshold;
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (released.PublishedValue(cell) is { } shown)
            {
                Assert.True(shown == 0 || shown >= threshold, $"{shown} is published");
                Assert.InRange(shown - table.Values[cell], -CellKey.CellKey.MaxNoise, CellKey.CellKey.MaxNoise);
            }
        }

        Assert.Contains(table.Relations(), r =>
            r.Parts.Append(r.Total).All(c => released.Status[c] == CellStatus.Published)
            && r.Parts.Sum(p => released.Table.Values[p]) != released.Table.Values[r.Total]);
        Assert.False(release.Summary.Additive);
        Assert.Equal(DisclosureMethod.CellKey, release.Summary.Method);
        Assert.Equal(released.Status.Count(s => s == CellStatus.Suppressed), release.Summary.Loss!.Tables[0].Primary);
        Assert.Equal(Enumerable.Range(0, table.CellCount).Count(c => released.Status[c] == CellStatus.Published && released.Table.Values[c] != table.Values[c]),
            release.Summary.Loss.Tables[0].Adjusted);
        Assert.Null(release.Summary.Loss.ShareOfTotalHidden);
        Assert.Null(released.Table.CellKeys);
    }

    [Fact]
    public void A_table_without_cell_keys_is_refused()
    {
        var table = CountTable.FromInnerCells("t", [PolicyTables.Flat("sex", "male", "female")], c => 10);

        var error = Assert.Throws<DisclosureException>(() => Protect(table));
        Assert.Contains("no cell keys", error.Message, StringComparison.Ordinal);
    }
}
