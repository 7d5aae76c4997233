using Microsoft.AspNetCore.Authentication;

namespace StatService.Api.Auth;

public static class ApiKeyRegistration
{
    /// <summary>API keys from <c>Auth:ApiKeys</c> as the only way in; every key must be set and unique.</summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.Section)
            .Validate(options => options.ApiKeys.All(k => !string.IsNullOrWhiteSpace(k.Key) && !string.IsNullOrWhiteSpace(k.Requester)),
                "Every entry of Auth:ApiKeys needs a key and a requester.")
            .Validate(options => options.ApiKeys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() == options.ApiKeys.Count,
                "The keys in Auth:ApiKeys must be unique.")
            .ValidateOnStart();

        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
