using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Requesters;

namespace StatService.Api.Auth;

public static class ApiKeyRegistration
{
    /// <summary>
    /// API keys as the only way in: keys issued by a caseworker (hashed, in the order store) and the keys of
    /// <c>Auth:ApiKeys</c> (demo); every configured key must be set and unique. The caseworker policy admits
    /// requesters of kind caseworker.
    /// </summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.Section)
            .Validate(options => options.ApiKeys.All(k => !string.IsNullOrWhiteSpace(k.Key) && !string.IsNullOrWhiteSpace(k.Requester)),
                "Every entry of Auth:ApiKeys needs a key and a requester.")
            .Validate(options => options.ApiKeys.All(k => RequesterKinds.TryParse(k.Kind, out _)),
                $"Every entry of Auth:ApiKeys needs a kind: one of {RequesterKinds.Codes(Enum.GetValues<RequesterKind>())}.")
            .Validate(options => options.ApiKeys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() == options.ApiKeys.Count,
                "The keys in Auth:ApiKeys must be unique.")
            .ValidateOnStart();

        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The requester store, registered with the order database it shares with the orders.
        builder.Services.TryAddSingleton<IRequesterStore>(services => services.GetRequiredService<AdoRequesterStore>());
        builder.Services.TryAddSingleton<RequesterKeys>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Requester.CaseworkerPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(Requester.KindClaim, nameof(RequesterKind.Caseworker)));
        return builder;
    }
}
