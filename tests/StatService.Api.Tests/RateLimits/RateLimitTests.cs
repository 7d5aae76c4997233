using System.Net;
using StatService.Api.Tests.Form;
using StatService.Api.Tests.Review;

namespace StatService.Api.Tests.RateLimits;

/// <summary>Order submissions are limited per requester, form submissions per client address: 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_requester_over_its_limit_gets_429_with_retry_after_and_others_are_unaffected()
    {
        await using var application = new StatServiceApplication
        {
            Settings = { ["RateLimits:Orders:PermitLimit"] = "2", ["RateLimits:Orders:Window"] = "00:10:00" },
        };
        using var company = application.CreateClient("demo-company");
        using var journalist = application.CreateClient("demo-journalist");
        await StatServiceApplication.SubmitAsync(company);
        await StatServiceApplication.SubmitAsync(company);

        var (refused, problem) = await HttpSteps.PostJsonAsync(company, "/api/orders", new { product = "test-count", parameters = new { years = new[] { 2022 } } });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Equal(2, (await HttpSteps.GetJsonAsync(company, "/api/orders")).Body.GetArrayLength());
        await StatServiceApplication.SubmitAsync(journalist);
    }

    [Fact]
    public async Task The_form_is_limited_per_client_address()
    {
        await using var application = new StatServiceApplication
        {
            Settings = { ["RateLimits:Form:PermitLimit"] = "1", ["RateLimits:Form:Window"] = "00:10:00" },
        };
        using var anonymous = application.CreateClient();

        var (first, _) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormOrderTests.FormBody());
        var (second, problem) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormOrderTests.FormBody());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.Contains("Retry-After"));
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }
}
