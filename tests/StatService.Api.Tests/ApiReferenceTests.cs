using System.Net;
using System.Text.RegularExpressions;

namespace StatService.Api.Tests;

/// <summary>The interactive API reference: Scalar at /docs over the service's own OpenAPI document, served without a key and without a CDN.</summary>
public sealed partial class ApiReferenceTests
{
    [Fact]
    public async Task The_reference_at_docs_reads_the_service_s_openapi_document_and_its_own_script()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient();

        using var page = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("StatService API", html, StringComparison.Ordinal);
        Assert.Contains("/openapi/", html, StringComparison.Ordinal);

        // Every script the page loads comes from the service itself.
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToArray();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.DoesNotMatch("^(https?:)?//", src);
            using var script = await client.GetAsync(new Uri(new Uri("http://localhost/docs/"), src).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }

        using var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [GeneratedRegex("<script[^>]*src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
