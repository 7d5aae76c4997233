using System.Net;
using System.Text.Json;
using StatService.Api.Tests.TestDoubles;

namespace StatService.Api.Tests;

/// <summary>
/// Answers to keys, missing, unknown and someone else's. No test counts or lists orders, so they share one application.
/// </summary>
public sealed class AuthenticationTests(SharedApplication shared) : IClassFixture<SharedApplication>
{
    [Fact]
    public async Task Orders_without_an_api_key_are_refused_with_a_problem()
    {
        var application = shared.Application;
        using var client = application.CreateClient();

        using var response = await client.GetAsync($"/api/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_api_key_is_refused_with_a_problem()
    {
        var application = shared.Application;
        using var client = application.CreateClient("not-a-key");

        using var response = await client.PostAsync("/api/orders", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not recognised", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Another_requesters_order_is_not_found()
    {
        var application = shared.Application;
        using var company = application.CreateClient("demo-company");
        using var journalist = application.CreateClient("demo-journalist");
        var id = await StatServiceApplication.SubmitAsync(company);
        await StatServiceApplication.WaitForStatusAsync(company, id, "delivered");

        using var order = await journalist.GetAsync($"/api/orders/{id}");
        using var result = await journalist.GetAsync($"/api/orders/{id}/result");

        Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        Assert.Equal("application/problem+json", order.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
    }

    [Fact]
    public async Task A_caseworker_sees_every_order()
    {
        var application = shared.Application;
        using var company = application.CreateClient("demo-company");
        using var caseworker = application.CreateClient("demo-caseworker");
        var id = await StatServiceApplication.SubmitAsync(company);

        using var response = await caseworker.GetAsync($"/api/orders/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_product_list_needs_no_key()
    {
        var application = shared.Application;
        using var client = application.CreateClient();

        using var products = JsonDocument.Parse(await client.GetStringAsync("/api/products"));

        var product = Assert.Single(products.RootElement.EnumerateArray());
        Assert.Equal(FixedResultPipeline.Product, product.GetProperty("id").GetString());
    }
}
