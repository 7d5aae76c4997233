using Microsoft.Data.Sqlite;
using StatService.Core.Notifications;
using StatService.Worker.Notifications;

namespace StatService.Worker.Tests.Notifications;

/// <summary>E-mail from the outbox through MailKit to a real SMTP server (the test's sink) on 127.0.0.1.</summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private readonly string _directory = TemporaryDirectory.Create();
    private readonly RecordedHistory _history = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_configured_status_is_mailed_once_to_the_contact_after_a_refused_first_try()
    {
        await using var sink = SmtpSink.Start(transientFailures: 1);
        var order = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        _history.Add(Mailed(1, order, null, "submitted", now));
        // Not among the statuses that are mailed by default.
        _history.Add(Mailed(2, order, "submitted", "queued", now));
        _history.Add(Mailed(3, order, "queued", "running", now));
        var delivered = _history.Add(Mailed(4, order, "running", "delivered", now));

        await using (var host = await NotificationHost.StartAsync(Settings(sink), _history))
        {
            await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 2);
        }

        var mails = sink.Messages.ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m =>
        {
            Assert.Equal("noreply@statservice.test", m.From);
            Assert.Equal(["contact@example.org"], m.To);
        });
        var deliveredMail = mails.Single(m => m.Message.Subject?.Contains("leveret", StringComparison.Ordinal) == true).Message;
        Assert.Equal($"{delivered.EventId}@statservice", deliveredMail.MessageId);
        var sender = Assert.Single(deliveredMail.From.Mailboxes);
        Assert.Equal(("StatService", "noreply@statservice.test"), (sender.Name, sender.Address));
        var text = deliveredMail.TextBody;
        Assert.Contains($"Din bestilling {order} hos StatService er nu leveret.", text, StringComparison.Ordinal);
        Assert.Contains($"Your StatService order {order} is now delivered.", text, StringComparison.Ordinal);
        Assert.Contains($"https://statservice.test/api/orders/{order}", text, StringComparison.Ordinal);
        // The refused first try was retried: three RCPT TO for two mails.
        Assert.Equal(3, sink.RecipientAttempts.Count);
        var rows = await new StatService.Data.Notifications.AdoNotificationOutbox(new StatService.Data.Storage.SqliteOrderDatabase(Path.Combine(_directory, "orders.db"))).ListForOrderAsync(order, CancellationToken.None);
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, rows.Sum(r => r.Attempts));
    }

    [Fact]
    public async Task A_form_order_is_mailed_in_its_language_without_a_status_token()
    {
        await using var sink = SmtpSink.Start();
        var order = Guid.NewGuid();
        _history.Add(Mailed(1, order, "in_review", "rejected", DateTimeOffset.UtcNow) with
        {
            PlacedThroughForm = true,
            Language = "en",
            Reason = "The group is too small to publish.",
        });

        await using (var host = await NotificationHost.StartAsync(Settings(sink), _history))
        {
            await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 1);
        }

        var mail = Assert.Single(sink.Messages).Message;
        Assert.Equal($"StatService: order {order.ToString()[..8]} is rejected", mail.Subject);
        Assert.Contains("Reason: The group is too small to publish.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("The status page: https://statservice.test/status", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("bestilling", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/orders/", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_and_webhook_of_one_change_are_separate_deliveries()
    {
        await using var sink = SmtpSink.Start();
        const string key = "both-channels-key-0123456789-abcdefghijkl";
        await using var receiver = await WebhookReceiver.StartAsync(key);
        var order = Guid.NewGuid();
        _history.Add(Mailed(1, order, null, "submitted", DateTimeOffset.UtcNow) with { CallbackUrl = receiver.Url });
        var settings = Settings(sink);
        settings["Notifications:Webhooks:SigningKey"] = key;
        settings["Notifications:Webhooks:AllowLoopback"] = "true";

        await using (var host = await NotificationHost.StartAsync(settings, _history))
        {
            await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 2);
        }

        Assert.Single(sink.Messages);
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task A_notification_that_breaks_its_sender_counts_its_attempts_and_is_given_up()
    {
        await using var sink = SmtpSink.Start();
        var order = Guid.NewGuid();
        var settings = Settings(sink);
        settings["Notifications:MaxAttempts"] = "2";

        await using var host = await NotificationHost.StartAsync(settings, _history);
        await host.Outbox.EnqueueAsync(
            [new NewNotification($"evt-1-{order:N}", NotificationChannel.Email, order, 1, "contact@example.org", "not json", DateTimeOffset.UtcNow)],
            0, CancellationToken.None);
        var row = await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Failed, 1);

        Assert.Equal(2, row.Attempts);
        Assert.Equal("Unexpected error: JsonException.", row.LastError);
        Assert.Empty(sink.Messages);
    }

    private Dictionary<string, string?> Settings(SmtpSink sink)
    {
        var settings = NotificationHost.FastSettings(_directory);
        settings["Notifications:Smtp:Host"] = "127.0.0.1";
        settings["Notifications:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Notifications:Smtp:From"] = "StatService <noreply@statservice.test>";
        settings["Notifications:Smtp:UseStartTls"] = "false";
        return settings;
    }

    private static StatusChange Mailed(long sequence, Guid order, string? from, string to, DateTimeOffset at) =>
        new(sequence, order, at, from, to, null, PlacedThroughForm: false, ContactEmail: "contact@example.org");

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}
