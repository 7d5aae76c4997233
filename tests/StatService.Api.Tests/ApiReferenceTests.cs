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
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        var pageUri = page.RequestMessage!.RequestUri!;

        // Every script the page loads comes from the service itself.
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToArray();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.DoesNotMatch("^(https?:)?//", src);
            using var script = await client.GetAsync(new Uri(pageUri, src).PathAndQuery);
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{pageUri} -> {src}: {script.StatusCode}");
        }

        // The page names the document relative to the application's base path (the part before /docs/).
        var documentUrl = DocumentUrl().Match(html).Groups["url"].Value;
        using var document = await client.GetAsync("/" + documentUrl);
        Assert.True(document.StatusCode == HttpStatusCode.OK, $"{documentUrl}: {document.StatusCode}");
        Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("\"url\":\"(?<url>[^\"]+)\"")]
    private static partial Regex DocumentUrl();
}
