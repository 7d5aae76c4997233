using System.Net;
using System.Text;
using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Data.Tests.Cohorts;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// The whole way through the real service: HTTP, validation, SQLite, Quartz, DuckDB over a generated
/// extract, suppression and audit, JSON and CSV. Published numbers are checked against an independent
/// C# count over the raw Parquet rows.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class PatientCountOrderTests(GeneratedExtract extract)
{
    [Fact]
    public async Task The_documented_order_is_delivered_with_every_cell_protected_and_true()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsync("/api/orders", new StringContent(DocumentedOrder.Body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        Assert.Equal(extract.Version, order.GetProperty("extractVersion").GetString());

        using var result = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        var root = result.RootElement;
        Assert.Equal(id, root.GetProperty("orderId").GetGuid());
        Assert.Equal("patient-count", root.GetProperty("product").GetString());
        Assert.Equal(extract.Version, root.GetProperty("extractVersion").GetString());

        var table = root.GetProperty("tables")[0];
        var dimensions = table.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["region", "sex", "ageband"], dimensions);
        foreach (var dimension in table.GetProperty("dimensions").EnumerateArray())
        {
            var codes = dimension.GetProperty("codes").EnumerateArray().ToArray();
            Assert.Equal("total", codes[0].GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, codes[0].GetProperty("parent").ValueKind);
            Assert.All(codes.Skip(1), c => Assert.Equal("total", c.GetProperty("parent").GetString()));
        }

        var cells = table.GetProperty("cells").EnumerateArray().ToArray();
        Assert.Equal(6 * 3 * 11, cells.Length);

        var parameters = CohortParametersJson.Deserialize(root.GetProperty("parameters").GetRawText());
        var truth = IndependentCohortCount.Count(extract.Rows, parameters);
        var suppressed = 0;
        foreach (var cell in cells)
        {
            var at = cell.GetProperty("coordinates");
            string Code(string name) => at.GetProperty(name).GetString()!;
            var want = truth.Where(t =>
                    (Code("region") == "total" || Code("region") == t.Key.Region) &&
                    (Code("sex") == "total" || Code("sex") == t.Key.Sex) &&
                    (Code("ageband") == "total" || Code("ageband") == t.Key.AgeBand))
                .Sum(t => t.Value);
            var status = cell.GetProperty("status").GetString();
            if (status == "published")
            {
                Assert.Equal(want, cell.GetProperty("value").GetInt64());
                Assert.False(want is >= 1 and <= 4, "A count of 1-4 was published.");
            }
            else
            {
                Assert.Equal("suppressed", status);
                Assert.Equal(JsonValueKind.Null, cell.GetProperty("value").ValueKind);
                if (want == 0)
                {
                    // a hidden zero (one that would describe a small group): the release must say hidden cells may hold 0
                    Assert.Contains(DisclosurePolicy.ZerosSuppressedWords, root.GetProperty("disclosure").GetProperty("rule").GetString(), StringComparison.Ordinal);
                }

                suppressed++;
            }
        }

        Assert.Equal(suppressed, root.GetProperty("disclosure").GetProperty("suppressedCells").GetInt32());
        Assert.True(truth.Values.Sum() > 100, "The example should find a real cohort.");

        // The CSV carries the same cells.
        using var csvResponse = await client.GetAsync($"/api/orders/{id}/result?format=csv");
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,region,region_label,sex,sex_label,ageband,ageband_label,value,status", csv[0]);
        Assert.Equal(cells.Length, csv.Length - 1);
        Assert.Equal(suppressed, csv.Count(line => line.EndsWith(",,suppressed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_order_for_a_rare_disease_in_a_thin_breakdown_is_delivered_with_suppressions()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-association");
        var body = DocumentedOrder.With("diagnoses", """{"include": ["DG35"], "exclude": []}""");

        using var response = await client.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

        using var result = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        var disclosure = result.RootElement.GetProperty("disclosure");
        Assert.True(disclosure.GetProperty("suppressedCells").GetInt32() > 0, "Multiple sclerosis by region x sex x age band at this scale has small cells.");
    }
}
