using System.Security.Cryptography;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.Disclosure;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// incidence-prevalence choosing cell-key perturbation (a copy of the catalogue): every cell of the per-year population,
/// existing-cases and new-cases tables carries the key of the persons it counts (residents' keys are those of the
/// cohort, so a cell of the same persons gets the same noise in another product); small results after noise are
/// hidden; the rates are computed from the published counts.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class IncidencePrevalenceCellKeyTests : IDisposable
{
    private const string Order =
        """{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2020-01-01","to":"2023-12-31"},"breakdown":["sex","ageband"]}""";

    private readonly SharedExtract _extract;
    private readonly CellKeyCatalogue _catalogue = new("incidence-prevalence", "patient-count");
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public IncidencePrevalenceCellKeyTests(SharedExtract extract) => _extract = extract;

    private ProductDefinition Product => _catalogue.Catalogue.Find("incidence-prevalence")!;

    [Fact]
    public async Task Every_cell_key_is_the_sum_of_the_record_keys_of_the_persons_it_counts()
    {
        var parameters = _extract.Read(Order, "incidence-prevalence");
        var tables = await RunAsync(Product, parameters);
        var expected = IndependentProducts.IncidencePrevalence(_extract.Rows, parameters.ToSpec());
        var recordKeys = new RecordKeys(_secret);
        var keyOf = CellKeyAssertions.Memoised(recordKeys.WholeKeyOf);

        Assert.Equal(expected.Select(e => e.Name).Order(), tables.Select(t => t.Name).Order());
        foreach (var want in expected)
        {
            var table = tables.Single(t => t.Name == want.Name);
            want.AssertEqual(table);
            Assert.NotNull(table.CellKeys);
            for (var cell = 0; cell < table.CellCount; cell++)
            {
                var codes = CellKeyAssertions.Codes(table, cell);
                var key = CellKeySum.ToKey(want.KeySumAt(codes, keyOf));
                Assert.True(key == table.CellKeys[cell], $"{table.Name} [{string.Join(", ", codes)}]: query key {table.CellKeys[cell]}, C# key {key}");
            }
        }

        // Population and cases of a year are different persons, so their totals have different keys.
        Assert.NotEqual(tables.Single(t => t.Name == "population-2023").CellKeys![0], tables.Single(t => t.Name == "existing-cases-2023").CellKeys![0]);
    }

    [Fact]
    public async Task The_same_order_twice_publishes_identical_counts_and_rates()
    {
        var parameters = _extract.Read(Order, "incidence-prevalence");

        var first = WithRates(Protect(await RunAsync(Product, parameters)), parameters);
        var second = WithRates(Protect(await RunAsync(Product, parameters)), parameters);

        Assert.Equal(first.Select(t => t.Table.Name), second.Select(t => t.Table.Name));
        Assert.Contains(first, t => t.Table.Name == "incidence-per-100000-2021");
        foreach (var (a, b) in first.Zip(second))
        {
            Assert.Equal(CellKeyAssertions.Published(a), CellKeyAssertions.Published(b));
        }
    }

    [Fact]
    public async Task Small_results_after_noise_are_hidden_and_rates_follow_the_published_counts()
    {
        var parameters = _extract.Read(Order, "incidence-prevalence");
        var tables = await RunAsync(Product, parameters);
        var release = Protect(tables);

        var (suppressed, perturbed) = CellKeyAssertions.AssertSmallCountsHidden(tables, release.Tables, Product.Disclosure.CellKey);
        Assert.True(suppressed > 0, "No cell was small enough to be hidden; choose an order with small cells.");
        Assert.True(perturbed > 0, "No published cell got noise, so the release was not perturbed.");

        var rates = RateTables.Derive(release.Tables, Product.Rates, ProductYears.Of(parameters.Period));
        Assert.Equal(2 * ProductYears.Of(parameters.Period).Count, rates.Count);
        var fromRawCounts = 0;
        foreach (var rate in rates)
        {
            var year = rate.Table.Name[^4..];
            var cases = rate.Table.Name.StartsWith("incidence", StringComparison.Ordinal) ? "new-cases-" : "existing-cases-";
            var numerator = release.Tables.Single(t => t.Table.Name == cases + year);
            var denominator = release.Tables.Single(t => t.Table.Name == "population-" + year);
            var rawNumerator = tables.Single(t => t.Name == cases + year);
            var rawDenominator = tables.Single(t => t.Name == "population-" + year);
            for (var cell = 0; cell < rate.Table.CellCount; cell++)
            {
                if (numerator.PublishedValue(cell) is not { } n || denominator.PublishedValue(cell) is not { } d)
                {
                    Assert.Null(rate.PublishedValue(cell));
                    continue;
                }

                // cases are among the residents: a rate is at most 100,000 per 100,000 even where noise says otherwise
                var want = d == 0 ? 0 : (long)Math.Round(Math.Min(n, d) * 100_000m / d, MidpointRounding.AwayFromZero);
                Assert.Equal(want, rate.PublishedValue(cell));
                var raw = rawDenominator.Values[cell] == 0 ? 0
                    : (long)Math.Round(rawNumerator.Values[cell] * 100_000m / rawDenominator.Values[cell], MidpointRounding.AwayFromZero);
                fromRawCounts += raw == want ? 0 : 1;
            }
        }

        Assert.True(fromRawCounts > 0, "Every rate equals the one from the raw counts, so the test cannot tell which counts were used.");
    }

    [Fact]
    public async Task Prevalent_cases_get_the_same_noise_as_the_same_persons_counted_by_patient_count()
    {
        // Existing cases at the end of 2023 (first met the criteria since the extract's start, resident then) are the
        // patient-count cohort of first-ever cases over the whole extract, alive and resident at 2023-12-31.
        var incidence = _extract.Read(
            """{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2019-01-01","to":"2023-12-31"},"breakdown":["region"]}""",
            "incidence-prevalence");
        var patientCount = _extract.Read(
            """{"specVersion":1,"diagnoses":{"include":["DE11"]},"occurrence":"first-ever","period":{"from":"2019-01-01","to":"2023-12-31"},"indexDate":"2023-12-31","aliveAndResident":true,"breakdown":["region"]}""");
        var incidenceTables = await RunAsync(Product, incidence);
        var cases = incidenceTables.Single(t => t.Name == "existing-cases-2023");
        var cohort = (await RunAsync(_catalogue.Catalogue.Find("patient-count")!, patientCount)).Single();

        var a = Protect(incidenceTables).Tables.Single(t => t.Table.Name == "existing-cases-2023");
        var b = new ReleaseProtection().Protect([cohort], _catalogue.Catalogue.Find("patient-count")!.Disclosure).Tables.Single();

        Assert.Equal(cases.Dimensions[0].Codes.Select(c => c.Code), cohort.Dimensions[0].Codes.Select(c => c.Code));
        Assert.Equal(cases.Values, cohort.Values);
        Assert.Equal(cases.CellKeys, cohort.CellKeys);
        Assert.Equal(CellKeyAssertions.Published(a), CellKeyAssertions.Published(b));
    }

    public void Dispose() => _catalogue.Dispose();

    private Task<IReadOnlyList<CountTable>> RunAsync(ProductDefinition product, CohortParameters parameters) =>
        _extract.RunAsync(product, parameters, RecordKeyPads.From(_secret));

    private ProtectedRelease Protect(IReadOnlyList<CountTable> tables) =>
        new ReleaseProtection().Protect(tables, Product.Disclosure);

    /// <summary>The counts and the rates derived from them, as the order pipeline delivers them.</summary>
    private IReadOnlyList<ProtectedTable> WithRates(ProtectedRelease release, CohortParameters parameters) =>
        [.. release.Tables, .. RateTables.Derive(release.Tables, Product.Rates, ProductYears.Of(parameters.Period))];
}
