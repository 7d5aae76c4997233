using StatService.Core.Localization;

namespace StatService.Api.Http;

/// <summary>
/// The language a request is answered in: the form's own choice when it sent one, else the first of da and en in
/// Accept-Language (by quality), else English (API clients read the API's own words).
/// </summary>
public static class RequestLanguage
{
    public static string Of(HttpRequest request, string? chosen = null) =>
        chosen is not null ? Texts.Normalise(chosen) : Asked(request) ?? Texts.English;

    /// <summary>da or en when Accept-Language names one of them; null otherwise.</summary>
    public static string? Asked(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? string.Empty)
            .Select(tag => tag.StartsWith(Texts.Danish, StringComparison.OrdinalIgnoreCase) ? Texts.Danish
                : tag.StartsWith(Texts.English, StringComparison.OrdinalIgnoreCase) ? Texts.English : null)
            .FirstOrDefault(l => l is not null);
}
