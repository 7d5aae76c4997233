using Microsoft.Net.Http.Headers;

namespace StatService.Api.Pages;

/// <summary>
/// The people-facing pages: the order form, the status page of a form order and the caseworker pages.
/// Static HTML from wwwroot (their scripts call the API); anonymous, because the form needs no account,
/// the status page is reached by its unguessable token and the caseworker pages send the key themselves.
/// </summary>
public static class PagesEndpoints
{
    // Scripts, styles and calls only from this origin; nothing inline, no framing. The status token is in
    // the page's URL, so it must never travel on as a referrer.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/", (IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "index.html"));
        pages.MapGet("/status/{token}", (string token, IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "status.html"));
        pages.MapGet("/review", (IWebHostEnvironment environment, HttpContext context) => Page(environment, context, "review.html"));

        // The one text resource (Danish and English) the pages, the API's answers and the deliverables share.
        pages.MapGet("/i18n/texts.json", () => TypedResults.Text(Core.Localization.Texts.Json, "application/json", System.Text.Encoding.UTF8));
        return routes;
    }

    private static IResult Page(IWebHostEnvironment environment, HttpContext context, string name)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(name);
        if (!file.Exists)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }
}
