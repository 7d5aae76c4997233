using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StatService.Api.Tests.Authorization;

/// <summary>
/// Who may call what, endpoint by endpoint: no key -> 401 where a key is needed; another requester's order -> 404
/// (never revealing it exists); a non-caseworker on caseworker endpoints -> 403; a wrong status token -> 404.
/// Each refusal has a positive control (the right caller is let through), and every /api endpoint of the service
/// must be listed here.
/// </summary>
public sealed class EndpointAuthorizationTests(AuthorizationFixture fixture) : IClassFixture<AuthorizationFixture>
{
    private const string Order = "{order}";
    private const string Token = "{token}";
    private const string OrderBody = """{"product": "test-count", "parameters": {"years": [2022]}}""";

    /// <summary>Endpoints that need an API key, with a body that would be valid.</summary>
    public static TheoryData<string, string, string?> KeyEndpoints => new()
    {
        { "POST", "/api/orders", OrderBody },
        { "POST", "/api/orders/preview", OrderBody },
        { "GET", "/api/orders", null },
        { "GET", $"/api/orders/{Order}", null },
        { "GET", $"/api/orders/{Order}/result", null },
        { "POST", $"/api/orders/{Order}/cancel", null },
        { "GET", "/api/review/orders", null },
        { "POST", $"/api/review/orders/{Order}/approve", "{}" },
        { "POST", $"/api/review/orders/{Order}/reject", """{"reason": "x"}""" },
        { "POST", "/api/requesters", """{"name": "x", "kind": "company"}""" },
        { "GET", "/api/requesters", null },
        { "DELETE", "/api/requesters/r0000000000000000/keys", null },
    };

    /// <summary>Endpoints on one order: only its owner (and caseworkers) may reach it.</summary>
    public static TheoryData<string, string> OwnerEndpoints => new()
    {
        { "GET", $"/api/orders/{Order}" },
        { "GET", $"/api/orders/{Order}/result" },
        { "POST", $"/api/orders/{Order}/cancel" },
    };

    public static TheoryData<string, string, string?> CaseworkerEndpoints => new()
    {
        { "GET", "/api/review/orders", null },
        { "POST", $"/api/review/orders/{Order}/approve", "{}" },
        { "POST", $"/api/review/orders/{Order}/reject", """{"reason": "Not for publication."}""" },
        { "POST", "/api/requesters", """{"name": "Nyt firma", "kind": "company"}""" },
        { "GET", "/api/requesters", null },
        { "DELETE", "/api/requesters/r0000000000000000/keys", null },
    };

    public static TheoryData<string, string> TokenEndpoints => new()
    {
        { "GET", $"/api/status/{Token}" },
        { "GET", $"/api/status/{Token}/result" },
        { "POST", $"/api/status/{Token}/cancel" },
    };

    /// <summary>Every /api endpoint and how it is guarded; the last test checks the service has no other.</summary>
    private static readonly Dictionary<string, string> Guards = new()
    {
        ["POST /api/orders/"] = "key",
        ["POST /api/orders/preview"] = "key",
        ["GET /api/orders/"] = "key",
        ["GET /api/orders/{id:guid}"] = "owner",
        ["GET /api/orders/{id:guid}/result"] = "owner",
        ["POST /api/orders/{id:guid}/cancel"] = "owner",
        ["GET /api/review/orders/"] = "caseworker",
        ["POST /api/review/orders/{id:guid}/approve"] = "caseworker",
        ["POST /api/review/orders/{id:guid}/reject"] = "caseworker",
        ["POST /api/requesters/"] = "caseworker",
        ["GET /api/requesters/"] = "caseworker",
        ["DELETE /api/requesters/{id}/keys"] = "caseworker",
        ["GET /api/status/{token}/"] = "token",
        ["GET /api/status/{token}/result"] = "token",
        ["POST /api/status/{token}/cancel"] = "token",
        ["POST /api/form/orders"] = "anonymous",
        ["POST /api/form/orders/preview"] = "anonymous",
        ["GET /api/products/"] = "anonymous",
        ["GET /api/codes/"] = "anonymous",
        ["GET /api/extracts/"] = "anonymous",
    };

    [Theory]
    [MemberData(nameof(KeyEndpoints))]
    public async Task Without_an_api_key_the_answer_is_401(string method, string path, string? body)
    {
        using var anonymous = fixture.Application.CreateClient();

        using var response = await SendAsync(anonymous, method, path, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(KeyEndpoints))]
    public async Task A_revoked_or_unknown_key_is_401_too(string method, string path, string? body)
    {
        using var stranger = fixture.Application.CreateClient("ssk_r0123456789abcdef_notarealsecretnotarealsecretnotarealsecret1");

        using var response = await SendAsync(stranger, method, path, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OwnerEndpoints))]
    public async Task Another_requesters_order_is_404_and_its_owner_is_let_through(string method, string path)
    {
        using var other = fixture.Application.CreateClient("demo-journalist");
        using var owner = fixture.Application.CreateClient("demo-company");

        using var refused = await SendAsync(other, method, path, null);
        using var allowed = await SendAsync(owner, method, path, null);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("test-count", await refused.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.NotFound, allowed.StatusCode);
        Assert.True(allowed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{allowed.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(OwnerEndpoints))]
    public async Task An_order_that_does_not_exist_is_the_same_404(string method, string path)
    {
        using var owner = fixture.Application.CreateClient("demo-company");

        using var response = await SendAsync(owner, method, path.Replace(Order, Guid.NewGuid().ToString(), StringComparison.Ordinal), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CaseworkerEndpoints))]
    public async Task A_requester_who_is_not_a_caseworker_gets_403_and_a_caseworker_is_let_through(string method, string path, string? body)
    {
        foreach (var key in new[] { "demo-company", "demo-association", "demo-journalist" })
        {
            using var requester = fixture.Application.CreateClient(key);
            using var refused = await SendAsync(requester, method, path, body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var caseworker = fixture.Application.CreateClient("demo-caseworker");
        using var allowed = await SendAsync(caseworker, method, path, body);
        Assert.True(allowed.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{allowed.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(TokenEndpoints))]
    public async Task A_wrong_status_token_is_404(string method, string path)
    {
        using var anonymous = fixture.Application.CreateClient();
        var wrong = fixture.FormToken[..^2] + (fixture.FormToken[^2..] == "AA" ? "BB" : "AA");

        using var forged = await SendAsync(anonymous, method, path.Replace(Token, wrong, StringComparison.Ordinal), null);
        using var garbage = await SendAsync(anonymous, method, path.Replace(Token, "x", StringComparison.Ordinal), null);

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Theory]
    [InlineData("GET", $"/api/status/{Token}")]
    [InlineData("GET", $"/api/status/{Token}/result")]
    public async Task The_right_status_token_needs_no_key(string method, string path)
    {
        using var anonymous = fixture.Application.CreateClient();

        using var response = await SendAsync(anonymous, method, path, null);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{response.StatusCode}");
    }

    [Fact]
    public async Task The_form_needs_no_key()
    {
        using var anonymous = fixture.Application.CreateClient();

        using var response = await anonymous.PostAsync(
            "/api/form/orders", new StringContent(System.Text.Json.JsonSerializer.Serialize(Form.FormOrderTests.FormBody()), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_form_s_preview_needs_no_key()
    {
        using var anonymous = fixture.Application.CreateClient();

        using var response = await anonymous.PostAsync(
            "/api/form/orders/preview", new StringContent(System.Text.Json.JsonSerializer.Serialize(Form.FormOrderTests.FormBody()), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Every_api_endpoint_has_its_guard_tested_here()
    {
        var endpoints = fixture.Application.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToArray();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, endpoint => Assert.True(Guards.ContainsKey(endpoint), $"{endpoint} has no authorization test"));
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path
            .Replace(Order, fixture.CompanyOrder.ToString(), StringComparison.Ordinal)
            .Replace(Token, fixture.FormToken, StringComparison.Ordinal));
        if (body is not null || method == "POST")
        {
            request.Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
