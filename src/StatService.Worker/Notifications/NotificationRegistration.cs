using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatService.Core.Notifications;
using StatService.Data.Notifications;
using StatService.Data.Orders;

namespace StatService.Worker.Notifications;

public static class NotificationRegistration
{
    /// <summary>
    /// Status-change notifications: the outbox (in the order store), the channels that are configured (webhooks
    /// when <c>Notifications:Webhooks:SigningKey</c> is set, e-mail when <c>Notifications:Smtp:Host</c> is) and
    /// the dispatcher that relays and delivers. Nothing runs when neither channel is configured. For processes
    /// that run jobs; several may share one store.
    /// </summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.AddOrderStore();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<INotificationOutbox>(services => services.GetRequiredService<AdoNotificationOutbox>());

        // Which channels exist decides which services are registered, so read the sections now.
        var webhooks = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (!webhooks.Enabled && !smtp.Enabled)
        {
            return builder;
        }

        var policy = new WebhookPolicy(webhooks.AllowLoopback ?? builder.Environment.IsDevelopment(), webhooks.AllowPrivateNetworks);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (webhooks.Enabled)
        {
            builder.Services.AddSingleton(policy);
            builder.Services.AddHttpClient(WebhookSender.ClientName, (services, client) =>
                {
                    client.Timeout = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                    client.DefaultRequestHeaders.UserAgent.ParseAdd("StatService-Webhooks/1");
                })
                .ConfigurePrimaryHttpMessageHandler(services =>
                    WebhookAddresses.Handler(policy.AllowLoopback, policy.AllowPrivateNetworks,
                        services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout));
            builder.Services.AddSingleton<INotificationSender, WebhookSender>();
        }

        if (smtp.Enabled)
        {
            builder.Services.AddSingleton<INotificationSender, EmailSender>();
        }

        builder.Services.AddSingleton<IStatusChangeFeed, OrderHistoryFeed>();
        builder.Services.AddSingleton<HistoryRelay>();
        builder.Services.AddSingleton<OutboxDelivery>();
        builder.Services.AddHostedService<NotificationDispatcher>();
        return builder;
    }
}
