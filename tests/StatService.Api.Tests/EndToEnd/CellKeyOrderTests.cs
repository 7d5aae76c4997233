using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// The real service with a copy of the catalogue whose patient-count chooses the cell-key policy in product.json:
/// orders are delivered perturbed, the same order twice gives the identical table, and two different orders get the
/// same noise on a cell that counts the same persons. The embedded layout generates its record-key secret once.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class CellKeyOrderTests(GeneratedExtract extract) : IDisposable
{
    private const string Criteria =
        "\"diagnoses\":{\"include\":[\"DE11\"]},\"period\":{\"from\":\"2021-01-01\",\"to\":\"2023-12-31\"},\"indexDate\":\"2023-12-31\",\"age\":{\"min\":18}";

    private readonly string _queries = CellKeyCatalogue();

    [Fact]
    public async Task The_same_order_twice_is_delivered_as_the_identical_perturbed_table()
    {
        await using var application = Application();
        using var client = application.CreateClient("demo-company");
        var body = Order($$"""{"specVersion":1,{{Criteria}},"breakdown":["region","sex","ageband"]}""");

        var first = await StatServiceApplication.DeliveredResultAsync(client, body);
        var second = await StatServiceApplication.DeliveredResultAsync(client, body);

        Assert.Equal("cell-key", first.GetProperty("disclosure").GetProperty("method").GetString());
        Assert.False(first.GetProperty("disclosure").GetProperty("additive").GetBoolean());
        Assert.Equal(Cells(first).Select(c => c.Value), Cells(second).Select(c => c.Value));
        Assert.True(File.Exists(Path.Combine(application.DataDirectory, RecordKeySecret.GeneratedFileName)));

        // Perturbed: the published grand total is not always the true count, and differs from it by at most 2.
        var truth = IndependentTotal(first);
        var published = Cells(first).Single(c => c.Key == "total/total/total").Value;
        Assert.InRange(long.Parse(published, System.Globalization.CultureInfo.InvariantCulture), truth - 2, truth + 2);
        Assert.True(first.GetProperty("disclosure").GetProperty("informationLoss").GetProperty("cellsPerturbed").GetInt32() > 0);
    }

    [Fact]
    public async Task Two_different_orders_get_the_same_noise_on_a_cell_of_the_same_persons()
    {
        await using var application = Application();
        using var client = application.CreateClient("demo-company");

        var twoRegions = Cells(await StatServiceApplication.DeliveredResultAsync(client, Order($$"""{"specVersion":1,{{Criteria}},"regions":["1081","1082"],"breakdown":["region"]}""")));
        var bySex = Cells(await StatServiceApplication.DeliveredResultAsync(client, Order($$"""{"specVersion":1,{{Criteria}},"breakdown":["sex","region"]}""")));

        Assert.NotEqual(twoRegions["total"], bySex["total/total"]);
        Assert.Equal(twoRegions["1081"], bySex["total/1081"]);
        Assert.Equal(twoRegions["1082"], bySex["total/1082"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_queries))
        {
            Directory.Delete(_queries, recursive: true);
        }
    }

    private StatServiceApplication Application() => new()
    {
        ExtractsDirectory = extract.Directory,
        Settings = { ["Catalogue:QueriesDirectory"] = _queries },
    };

    private long IndependentTotal(JsonElement result)
    {
        var parameters = Core.OrderSpec.CohortParametersJson.Deserialize(result.GetProperty("parameters").GetRawText());
        return Data.Tests.Cohorts.IndependentCohortCount.Count(extract.Rows, parameters).Values.Sum();
    }

    private static string Order(string parameters) => $$"""{"product":"patient-count","parameters":{{parameters}}}""";


    /// <summary>The published cells by their codes joined with '/', value as raw JSON (null where suppressed).</summary>
    private static Dictionary<string, string> Cells(JsonElement result) =>
        result.GetProperty("tables")[0].GetProperty("cells").EnumerateArray().ToDictionary(
            c => string.Join('/', c.GetProperty("coordinates").EnumerateObject().Select(p => p.Value.GetString())),
            c => c.GetProperty("value").GetRawText());

    private static string CellKeyCatalogue()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"statservice-cellkey-catalogue-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(PipelineRegistration.DefaultQueriesDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(PipelineRegistration.DefaultQueriesDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var productFile = Path.Combine(folder, "patient-count", "product.json");
        var product = JsonNode.Parse(File.ReadAllText(productFile))!;
        product["disclosure"] = new JsonObject { ["policy"] = "cell-key" };
        File.WriteAllText(productFile, product.ToJsonString());
        return folder;
    }
}
