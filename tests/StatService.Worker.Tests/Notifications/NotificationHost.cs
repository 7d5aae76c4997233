using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatService.Core.Notifications;
using StatService.Worker.Notifications;

namespace StatService.Worker.Tests.Notifications;

/// <summary>
/// A worker host with nothing but notifications, registered as the service registers them
/// (<c>AddNotifications</c>) on an SQLite order store in <paramref name="dataDirectory"/>, reading status
/// changes from <paramref name="history"/>. Starting another on the same directory is a restart.
/// </summary>
internal sealed class NotificationHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NotificationHost(IHost host) => _host = host;

    public INotificationOutbox Outbox => _host.Services.GetRequiredService<INotificationOutbox>();

    /// <summary>Fast retries and polling, so a test sees several attempts within a second or two.</summary>
    public static Dictionary<string, string?> FastSettings(string dataDirectory) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Notifications:PublicBaseUrl"] = "https://statservice.test",
        ["Notifications:PollInterval"] = "00:00:00.020",
        ["Notifications:InitialRetryDelay"] = "00:00:00.200",
        ["Notifications:MaxRetryDelay"] = "00:00:01",
        ["Notifications:MaxAttempts"] = "5",
        ["Notifications:Lease"] = "00:00:30",
    };

    /// <summary><see cref="FastSettings"/> with webhooks signed by <paramref name="signingKey"/> and allowed to this machine's receiver.</summary>
    public static Dictionary<string, string?> WebhookSettings(string dataDirectory, string signingKey)
    {
        var settings = FastSettings(dataDirectory);
        settings["Notifications:Webhooks:SigningKey"] = signingKey;
        settings["Notifications:Webhooks:AllowLoopback"] = "true";
        return settings;
    }

    public static async Task<NotificationHost> StartAsync(Dictionary<string, string?> settings, RecordedHistory history)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNotifications();
        builder.Services.AddSingleton<IStatusChangeFeed>(history);
        var host = builder.Build();
        await host.StartAsync();
        return new NotificationHost(host);
    }

    /// <summary>Waits until <paramref name="done"/> holds (checked every 20 ms), failing after 20 s.</summary>
    public static async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
