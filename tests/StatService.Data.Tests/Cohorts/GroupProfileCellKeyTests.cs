using System.Security.Cryptography;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.Disclosure;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// group-profile choosing cell-key perturbation (a copy of the catalogue): every cell of its six tables, margins and
/// the non-additive medicine and comorbidity tables included, carries the key of the distinct persons it counts; the
/// linked tables show their shared cohort total with one noise; small results after noise are hidden.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class GroupProfileCellKeyTests : IDisposable
{
    // ATC level 4 with many groups and comorbidity chapters give small cells, so the threshold is really exercised.
    private const string Order =
        """{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2019-01-01","to":"2021-12-31"},"age":{"min":18},"medicationGroups":{"level":4,"top":25}}""";

    private readonly SharedExtract _extract;
    private readonly CellKeyCatalogue _catalogue = new("group-profile");
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public GroupProfileCellKeyTests(SharedExtract extract) => _extract = extract;

    private ProductDefinition Product => _catalogue.Catalogue.Find("group-profile")!;

    [Fact]
    public async Task Every_cell_key_is_the_sum_of_the_record_keys_of_the_distinct_persons_it_counts()
    {
        var parameters = _extract.Read(Order, "group-profile");
        var tables = await RunAsync(parameters);
        var expected = IndependentProducts.GroupProfile(_extract.Rows, parameters.ToSpec(), CohortSpecs.ChaptersOf(_extract.CodeLists));
        var recordKeys = new RecordKeys(_secret);
        var keyOf = CellKeyAssertions.Memoised(recordKeys.WholeKeyOf);

        Assert.Equal(expected.Select(e => e.Name), tables.Select(t => t.Name));
        foreach (var (want, table) in expected.Zip(tables))
        {
            want.AssertEqual(table);
            Assert.NotNull(table.CellKeys);
            for (var cell = 0; cell < table.CellCount; cell++)
            {
                var codes = CellKeyAssertions.Codes(table, cell);
                var key = want.KeySumAt(codes, keyOf);
                Assert.True(CellKeySum.ToKey(key) == table.CellKeys[cell], $"{table.Name} [{string.Join(", ", codes)}]: query key {table.CellKeys[cell]}, C# key {CellKeySum.ToKey(key)}");
            }
        }

        // Not vacuous: in the non-additive tables some persons are in several groups, so summing every (person, group)
        // record would give the totals other keys; the query's totals are those of the distinct persons.
        foreach (var name in new[] { "medication", "comorbidity" })
        {
            var want = expected.Single(e => e.Name == name);
            var table = tables.Single(t => t.Name == name);
            var everyRecord = CellKeySum.ToKey(want.Records.Aggregate(0u, (sum, r) => unchecked(sum + keyOf(r.Pnr))));
            Assert.True(want.Records.Count > table.Values[0], $"{name}: no person is in two groups, so the test proves nothing.");
            Assert.NotEqual(everyRecord, table.CellKeys![0]);
        }

        // The four linked tables count the same persons, so their grand totals have one key.
        Assert.Single(tables.Where(t => t.LinkGroup == "cohort").Select(t => t.CellKeys![0]).Distinct());
    }

    [Fact]
    public async Task The_same_order_twice_publishes_identical_tables()
    {
        var parameters = _extract.Read(Order, "group-profile");

        var first = Protect(await RunAsync(parameters));
        var second = Protect(await RunAsync(parameters));

        Assert.Equal(DisclosureMethod.CellKey, first.Summary.Method);
        Assert.Equal(first.Tables.Select(t => t.Table.Name), second.Tables.Select(t => t.Table.Name));
        foreach (var (a, b) in first.Tables.Zip(second.Tables))
        {
            Assert.Equal(CellKeyAssertions.Published(a), CellKeyAssertions.Published(b));
        }
    }

    [Fact]
    public async Task The_cohort_total_is_published_with_one_noise_in_every_linked_table_and_small_results_are_hidden()
    {
        var parameters = _extract.Read(Order, "group-profile");
        var tables = await RunAsync(parameters);
        var release = Protect(tables);

        var linked = Enumerable.Range(0, tables.Count).Where(t => tables[t].LinkGroup == "cohort").ToArray();
        Assert.Equal(4, linked.Length);
        Assert.Single(linked.Select(t => tables[t].Values[0]).Distinct());
        Assert.Single(linked.Select(t => release.Tables[t].PublishedValue(0)).Distinct());

        var (suppressed, perturbed) = CellKeyAssertions.AssertSmallCountsHidden(tables, release.Tables, Product.Disclosure.CellKey);
        Assert.True(suppressed > 0, "No cell was small enough to be hidden; choose an order with small groups.");
        Assert.True(perturbed > 0, "No published cell got noise, so the release was not perturbed.");
        Assert.Equal(suppressed, release.Summary.SuppressedCells);
    }

    public void Dispose() => _catalogue.Dispose();

    private Task<IReadOnlyList<CountTable>> RunAsync(CohortParameters parameters) =>
        _extract.RunAsync(Product, parameters, RecordKeyPads.From(_secret));

    private ProtectedRelease Protect(IReadOnlyList<CountTable> tables) =>
        new ReleaseProtection().Protect(tables, Product.Disclosure);
}
