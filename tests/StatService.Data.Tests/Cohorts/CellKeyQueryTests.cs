using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.Disclosure;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// A copy of the catalogue whose patient-count product.json chooses the cell-key policy: the query's cell keys equal
/// the record keys computed in C# (<see cref="RecordKeys"/>) over the independent cohort, and the protected tables
/// get the same noise wherever the same persons are counted.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class CellKeyQueryTests : IDisposable
{
    private const string Criteria =
        "\"diagnoses\":{\"include\":[\"DE11\"]},\"period\":{\"from\":\"2021-01-01\",\"to\":\"2023-12-31\"},\"indexDate\":\"2023-12-31\",\"age\":{\"min\":18}";

    private readonly SharedExtract _extract;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly string _queries = Path.Combine(Path.GetTempPath(), $"statservice-cellkey-queries-{Guid.NewGuid():N}");

    public CellKeyQueryTests(SharedExtract extract)
    {
        _extract = extract;
        CopyDirectory(PipelineRegistration.DefaultQueriesDirectory, _queries);
        var productFile = Path.Combine(_queries, "patient-count", "product.json");
        var product = JsonNode.Parse(File.ReadAllText(productFile))!;
        product["disclosure"] = new JsonObject { ["policy"] = "cell-key" };
        File.WriteAllText(productFile, product.ToJsonString());
        Product = ProductCatalogue.Load(_queries).Find("patient-count")!;
    }

    private ProductDefinition Product { get; }

    [Fact]
    public async Task Cell_keys_from_the_query_equal_the_record_keys_summed_in_CSharp()
    {
        var parameters = _extract.Read($$"""{"specVersion":1,{{Criteria}},"breakdown":["region","sex","ageband"]}""");
        var table = await RunAsync(parameters);

        var expected = IndependentProducts.CohortTable("patient-count", _extract.Rows, parameters.ToSpec());
        expected.AssertEqual(table);
        var recordKeys = new RecordKeys(_secret);
        Assert.NotNull(table.CellKeys);
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            var codes = Enumerable.Range(0, table.Dimensions.Count).Select(d => table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code).ToArray();
            var persons = expected.Records.Where(r => codes.Select((c, d) => c == TableDimension.TotalCode || c == r.Codes[d]).All(x => x));
            var key = CellKeySum.ToKey(persons.Aggregate(0UL, (sum, r) => sum + recordKeys.WholeKeyOf(r.Pnr)));
            Assert.True(key == table.CellKeys[cell], $"[{string.Join(", ", codes)}]: query key {table.CellKeys[cell]}, C# key {key}");
        }

        Assert.True(table.CellKeys.Distinct().Count() > table.CellCount / 2, "Keys should differ between cells.");
    }

    [Fact]
    public async Task The_same_order_twice_gives_identical_perturbed_tables()
    {
        var parameters = _extract.Read($$"""{"specVersion":1,{{Criteria}},"breakdown":["region","sex"]}""");

        var first = Protect(await RunAsync(parameters));
        var second = Protect(await RunAsync(parameters));

        Assert.Equal(DisclosureMethod.CellKey, first.Summary.Method);
        Assert.Equal(Published(first.Tables[0]), Published(second.Tables[0]));
        Assert.Equal(first.Tables[0].Status, second.Tables[0].Status);
    }

    [Fact]
    public async Task Two_orders_sharing_a_cell_get_the_same_noise_on_it()
    {
        // Different cohorts (two regions, all regions) and tables; the cells of regions 1081 and 1082 count the same persons.
        var twoRegions = _extract.Read($$"""{"specVersion":1,{{Criteria}},"regions":["1081","1082"],"breakdown":["region"]}""");
        var allRegions = _extract.Read($$"""{"specVersion":1,{{Criteria}},"breakdown":["sex","region"]}""");
        var truthA = await RunAsync(twoRegions);
        var truthB = await RunAsync(allRegions);
        var a = Protect(truthA).Tables[0];
        var b = Protect(truthB).Tables[0];

        var perturbed = 0;
        foreach (var region in new[] { "1081", "1082" })
        {
            var cellA = truthA.CellIndex([truthA.Dimensions[0].IndexOf(region)]);
            var cellB = truthB.CellIndex([truthB.Dimensions[0].IndexOf(TableDimension.TotalCode), truthB.Dimensions[1].IndexOf(region)]);
            Assert.Equal(truthA.Values[cellA], truthB.Values[cellB]);
            Assert.Equal(a.PublishedValue(cellA), b.PublishedValue(cellB));
            perturbed += a.PublishedValue(cellA) != truthA.Values[cellA] ? 1 : 0;
        }

        // The totals differ (two regions against five), so the orders really are different.
        Assert.NotEqual(truthA.Values[0], truthB.Values[0]);
        var noisyCells = Enumerable.Range(0, truthB.CellCount).Count(c => b.PublishedValue(c) is { } v && v != truthB.Values[c]);
        Assert.True(noisyCells > 0 || perturbed > 0, "Cell-key perturbation should change some cells, or the test proves little.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_queries))
        {
            Directory.Delete(_queries, recursive: true);
        }
    }

    private async Task<CountTable> RunAsync(CohortParameters parameters) =>
        (await _extract.RunAsync(Product, parameters, RecordKeyPads.From(_secret))).Single();

    private ProtectedRelease Protect(CountTable table) =>
        new ReleaseProtection().Protect([table], Product.Disclosure);

    private static long?[] Published(ProtectedTable table) =>
        Enumerable.Range(0, table.Table.CellCount).Select(table.PublishedValue).ToArray();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
