using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;
using StatService.Worker.Orders;

namespace StatService.Api.Tests;

/// <summary>
/// Orders placed, run and served. Tests that place or store orders start an application each; the refusals of bad
/// bodies, which store nothing, share one.
/// </summary>
public sealed class OrderSubmissionTests(SharedApplication shared) : IClassFixture<SharedApplication>
{
    [Fact]
    public async Task A_valid_order_is_accepted_queued_and_delivered()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsJsonAsync("/api/orders", new { product = FixedResultPipeline.Product, parameters = new { years = new[] { 2022 } } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = accepted.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/orders/{id}", response.Headers.Location?.OriginalString);
        Assert.Contains(accepted.RootElement.GetProperty("status").GetString(), new[] { "queued", "running", "delivered" });
        Assert.Equal($"/api/orders/{id}/result", accepted.RootElement.GetProperty("links").GetProperty("result").GetString());

        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        Assert.Equal(FixedResultPipeline.ExtractVersion, order.GetProperty("extractVersion").GetString());
        Assert.Equal(FixedResultPipeline.Product, order.GetProperty("product").GetString());
        foreach (var stamp in new[] { "submittedAt", "queuedAt", "startedAt", "deliveredAt" })
        {
            Assert.Equal(JsonValueKind.String, order.GetProperty(stamp).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, order.GetProperty("failedAt").ValueKind);
        Assert.Equal(1, application.Pipeline.Runs[id]);
    }

    [Fact]
    public async Task A_delivered_result_is_served_as_json_and_as_csv()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-association");
        var id = await StatServiceApplication.SubmitAsync(client);
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

        using var json = await client.GetAsync($"/api/orders/{id}/result");
        using var csv = await client.GetAsync($"/api/orders/{id}/result?format=csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FixedResultPipeline.JsonFor(id), await json.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"order-{id}.csv", csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(FixedResultPipeline.Csv, await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_json_is_answered_with_a_problem_naming_the_body()
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsync("/api/orders", new StringContent("""{"product": "test-count", """, Encoding.UTF8, "application/json"));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Contains("not valid JSON", problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_with_a_problem_naming_the_body()
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsync("/api/orders", new StringContent("product=test-count", Encoding.UTF8, "text/plain"));

        var problem = await AssertValidationProblemAsync(response);
        Assert.Contains("Content-Type", problem.GetProperty("errors").GetProperty("body")[0].GetString());
    }

    [Fact]
    public async Task An_invalid_order_gets_its_errors_keyed_by_field()
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsJsonAsync("/api/orders", new { product = FixedResultPipeline.Product, parameters = new { years = "2022" } });

        var problem = await AssertValidationProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("parameters.years", out _));
    }

    [Fact]
    public async Task An_unknown_product_is_a_validation_problem_naming_the_product()
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsJsonAsync("/api/orders", new { product = "no-such-product", parameters = new { } });

        var problem = await AssertValidationProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("product", out _));
        Assert.Contains("/api/products", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_result_in_an_unknown_format_is_a_problem_naming_the_format()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var id = await StatServiceApplication.SubmitAsync(client);

        using var response = await client.GetAsync($"/api/orders/{id}/result?format=xml");

        var problem = await AssertValidationProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task The_result_of_a_running_order_is_a_conflict_saying_its_status()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var id = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.HeldProduct);
        await StatServiceApplication.WaitForStatusAsync(client, id, "running");

        using var response = await client.GetAsync($"/api/orders/{id}/result");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("running", problem.RootElement.GetProperty("orderStatus").GetString());

        application.Pipeline.ReleaseHeld();
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
    }

    [Fact]
    public async Task A_crashing_pipeline_fails_the_order_without_revealing_why()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var id = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.CrashingProduct);

        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "failed");

        Assert.Equal(OrderRunner.InternalErrorReason, order.GetProperty("failureReason").GetString());
        using var result = await client.GetAsync($"/api/orders/{id}/result");
        var body = await result.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.DoesNotContain("pnr", body);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("failed", problem.RootElement.GetProperty("orderStatus").GetString());
    }

    [Fact]
    public async Task A_rejected_order_fails_with_the_rejection_as_its_reason()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var id = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.RejectedProduct);

        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "failed");

        Assert.Equal(FixedResultPipeline.RejectionMessage, order.GetProperty("failureReason").GetString());
        Assert.Equal(JsonValueKind.String, order.GetProperty("failedAt").ValueKind);
    }

    [Fact]
    public async Task Purpose_and_contact_are_kept_with_the_order()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsJsonAsync("/api/orders", new
        {
            product = FixedResultPipeline.Product,
            parameters = new { years = new[] { 2022 } },
            purpose = "Feasibility of a phase III trial",
            contact = new { name = "Ada Jensen", email = "ada@example.com" },
            callbackUrl = "https://hooks.example.com/statservice",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var stored = await application.Services.GetRequiredService<IOrderStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(
            ("Feasibility of a phase III trial", "Ada Jensen", "ada@example.com", "https://hooks.example.com/statservice", RequesterKind.Company),
            (stored?.Purpose, stored?.ContactName, stored?.ContactEmail, stored?.CallbackUrl, stored?.RequesterKind));
    }

    [Fact]
    public async Task A_bad_callback_url_or_email_is_a_problem_naming_the_field()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsJsonAsync("/api/orders", new
        {
            product = FixedResultPipeline.Product,
            parameters = new { years = new[] { 2022 } },
            contact = new { name = "Ada", email = "ada at example" },
            callbackUrl = "http://hooks.example.com/statservice",
        });

        var problem = await AssertValidationProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("callbackUrl", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("contact.email", out _));
        Assert.Empty(await application.Services.GetRequiredService<IOrderStore>().ListAsync(null, null, 10, CancellationToken.None));
    }

    private static async Task<JsonElement> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
        return problem.RootElement.Clone();
    }
}
