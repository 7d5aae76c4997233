using System.Net;
using System.Text.Json.Nodes;
using StatService.Api.Tests.EndToEnd;

namespace StatService.Api.Tests.Review;

/// <summary>
/// The whole way through the real service (validation, SQLite, Quartz, DuckDB over a generated extract, protection):
/// a form order waits for a caseworker, is approved, delivered, and read back through its status link.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class FormOrderReviewEndToEndTests(GeneratedExtract extract)
{
    [Fact]
    public async Task A_form_order_is_reviewed_approved_delivered_and_read_by_its_status_link()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var anonymous = application.CreateClient();
        using var caseworker = application.CreateClient("demo-caseworker");
        var body = JsonNode.Parse(DocumentedOrder.Body)!.AsObject();
        body["purpose"] = "Article on type 2 diabetes by region";
        body["contact"] = new JsonObject { ["name"] = "Bo Holm", ["email"] = "bo@avis.example", ["organisation"] = "Avisen" };
        body["requesterKind"] = "journalist";
        body["language"] = "da";

        var (submitted, accepted) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", body);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = accepted.GetProperty("id").GetGuid();
        var token = accepted.GetProperty("statusToken").GetString()!;
        Assert.Equal($"/status/{token}", accepted.GetProperty("statusUrl").GetString());
        Assert.Equal("in_review", (await HttpSteps.GetJsonAsync(anonymous, $"/api/status/{token}")).Body.GetProperty("status").GetString());

        var pending = Assert.Single((await HttpSteps.GetJsonAsync(caseworker, "/api/review/orders")).Body.EnumerateArray());
        Assert.Equal(id, pending.GetProperty("id").GetGuid());
        Assert.Equal("form", pending.GetProperty("channel").GetString());
        Assert.Equal("journalist", pending.GetProperty("requesterKind").GetString());
        var estimatedCells = pending.GetProperty("estimatedCells").GetInt64();

        var (approval, _) = await HttpSteps.PostJsonAsync(caseworker, $"/api/review/orders/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);

        var order = await WaitForStatusAsync(anonymous, token, "delivered");
        Assert.Equal(
            [("form", null, "submitted", null), ("form", "submitted", "in_review", null), ("caseworker", "in_review", "queued", null),
             ("worker", "queued", "running", null), ("worker", "running", "delivered", null)],
            HttpSteps.History(order));
        var (resultResponse, result) = await HttpSteps.GetJsonAsync(anonymous, $"/api/status/{token}/result");
        Assert.Equal(HttpStatusCode.OK, resultResponse.StatusCode);
        Assert.Equal(id, result.GetProperty("orderId").GetGuid());
        // The size shown to the caseworker is the size of the table delivered.
        Assert.Equal(estimatedCells, result.GetProperty("tables")[0].GetProperty("cells").GetArrayLength());
        using var csv = await anonymous.GetAsync($"/api/status/{token}/result?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<System.Text.Json.JsonElement> WaitForStatusAsync(HttpClient client, string token, string status)
    {
        var deadline = DateTime.UtcNow + StatServiceApplication.Patience;
        while (true)
        {
            var (_, order) = await HttpSteps.GetJsonAsync(client, $"/api/status/{token}");
            if (order.GetProperty("status").GetString() == status)
            {
                return order;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The form order is {order.GetProperty("status")}, not {status}.");
            }

            await Task.Delay(50);
        }
    }
}
