using System.Net;
using System.Text;
using StatService.Api.Tests.Review;
using StatService.Api.Tests.TestDoubles;

namespace StatService.Api.Tests.Idempotency;

/// <summary>POST /api/orders with an Idempotency-Key: a retried request never places a second order.</summary>
public sealed class IdempotencyKeyTests
{
    private const string Body = """{"product": "test-count", "parameters": {"years": [2022]}}""";

    [Fact]
    public async Task The_same_key_and_body_answer_the_same_order_and_place_it_once()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        using var first = await PostAsync(client, "order-2025-0001", Body);
        using var replay = await PostAsync(client, "order-2025-0001", Body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var id = (await HttpSteps.ReadAsync(first)).GetProperty("id").GetGuid();
        Assert.Equal(id, (await HttpSteps.ReadAsync(replay)).GetProperty("id").GetGuid());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        Assert.Single((await HttpSteps.GetJsonAsync(client, "/api/orders")).Body.EnumerateArray());
        Assert.Equal(1, application.Pipeline.Runs[id]);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_unprocessable_and_names_the_header()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        using var first = await PostAsync(client, "k-1", Body);

        using var other = await PostAsync(client, "k-1", """{"product": "test-count", "parameters": {"years": [2021]}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = await HttpSteps.ReadAsync(other);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Single((await HttpSteps.GetJsonAsync(client, "/api/orders")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Keys_belong_to_one_requester()
    {
        await using var application = new StatServiceApplication();
        using var company = application.CreateClient("demo-company");
        using var association = application.CreateClient("demo-association");

        using var fromCompany = await PostAsync(company, "shared-key", Body);
        using var fromAssociation = await PostAsync(association, "shared-key", Body);

        Assert.Equal(HttpStatusCode.Accepted, fromAssociation.StatusCode);
        Assert.NotEqual(
            (await HttpSteps.ReadAsync(fromCompany)).GetProperty("id").GetGuid(),
            (await HttpSteps.ReadAsync(fromAssociation)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_place_one_order()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(client, "burst", Body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await HttpSteps.ReadAsync(r)).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Single((await HttpSteps.GetJsonAsync(client, "/api/orders")).Body.EnumerateArray());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_malformed_key_is_a_problem_naming_the_header()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        using var response = await PostAsync(client, new string('x', 201), Body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await HttpSteps.ReadAsync(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task Without_a_key_every_request_places_an_order()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");

        var first = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.Product);
        var second = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.Product);

        Assert.NotEqual(first, second);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
