using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace StatService.Api.Http;

public static partial class ListeningUrls
{
    /// <summary>Once started, says where the service can be reached, with its documentation and health links.</summary>
    public static WebApplication LogListeningUrls(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var root = address.TrimEnd('/');
                LogListening(app.Logger, root, root + ApiReference.Path, root + "/openapi/v1.json", root + "/health");
            }
        });
        return app;
    }

    [LoggerMessage(LogLevel.Information, "StatService is listening on {Url} (API reference: {ReferenceUrl}, API description: {OpenApiUrl}, health: {HealthUrl})")]
    private static partial void LogListening(ILogger logger, string url, string referenceUrl, string openApiUrl, string healthUrl);
}
