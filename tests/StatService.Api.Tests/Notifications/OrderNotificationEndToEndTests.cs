using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StatService.Api.Tests.TestDoubles;
using StatService.TestSupport.Notifications;
using StatService.Worker.Tests.Notifications;

namespace StatService.Api.Tests.Notifications;

/// <summary>
/// The whole service (API, order store with history, Quartz worker, dispatcher) placing an order with a callback
/// URL and a contact address: every status change in the order's history reaches the webhook receiver once,
/// signed, and the configured ones reach the SMTP sink; a restart sends nothing again.
/// </summary>
public sealed class OrderNotificationEndToEndTests : IAsyncLifetime
{
    private const string Key = "end-to-end-signing-key-0123456789-abcdef";

    private readonly string _directory = TemporaryDirectory.Create();
    private readonly string _schedulerName = "test-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_status_change_of_an_order_is_notified_once_and_not_again_after_a_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key, failuresPerEvent: 1);
        await using var sink = SmtpSink.Start();
        Guid id;
        JsonElement history;
        await using (var app = Application(receiver, sink))
        {
            using var client = app.CreateClient("demo-company");
            using var response = await client.PostAsJsonAsync("/api/orders", new
            {
                product = FixedResultPipeline.Product,
                parameters = new { years = new[] { 2022 } },
                contact = new { name = "Kontakt Person", email = "kontakt@example.org" },
                callbackUrl = receiver.Url,
            });
            response.EnsureSuccessStatusCode();
            using (var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
            {
                id = accepted.RootElement.GetProperty("id").GetGuid();
            }

            var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
            history = order.GetProperty("history").Clone();
            var changes = history.GetArrayLength();
            await NotificationHost.WaitUntilAsync(() => receiver.Accepted.Count == changes && sink.Messages.Count == 2,
                $"{changes} webhooks and 2 e-mails");
        }

        // The webhooks tell exactly the history, one accepted request per change, each after one refused try.
        var told = receiver.Accepted
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .OrderBy(body => body.GetProperty("sequence").GetInt64())
            .Select(body => (From: body.GetProperty("status").GetProperty("from").GetString(), To: body.GetProperty("status").GetProperty("to").GetString(),
                Order: body.GetProperty("orderId").GetGuid()))
            .ToList();
        var happened = history.EnumerateArray()
            .Select(entry => (From: entry.GetProperty("from").GetString(), To: entry.GetProperty("to").GetString(), Order: id))
            .ToList();
        Assert.Equal(happened, told);
        Assert.Equal("delivered", happened[^1].To);
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
        Assert.Equal(2 * happened.Count, receiver.Requests.Count);
        Assert.Equal(receiver.Accepted.Count, receiver.Accepted.Select(r => r.EventId).Distinct().Count());
        // E-mail by default for the receipt and the delivery only.
        Assert.Equal(["delivered", "submitted"], sink.Messages
            .Select(m => m.Message.TextBody?.Contains("is now delivered", StringComparison.Ordinal) == true ? "delivered" : "submitted")
            .Order(StringComparer.Ordinal));
        Assert.All(sink.Messages, m => Assert.Equal(["kontakt@example.org"], m.To));

        var requestsBefore = receiver.Requests.Count;
        await using (var restarted = Application(receiver, sink))
        {
            using var client = restarted.CreateClient("demo-company");
            await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
            // Many dispatcher rounds (20 ms each) in which a lost cursor or outbox would send again.
            await Task.Delay(500);
        }

        Assert.Equal(requestsBefore, receiver.Requests.Count);
        Assert.Equal(2, sink.Messages.Count);
    }

    private StatServiceApplication Application(WebhookReceiver receiver, SmtpSink sink)
    {
        var app = new StatServiceApplication(_directory, _schedulerName);
        app.Settings["Notifications:PublicBaseUrl"] = "https://statservice.test";
        app.Settings["Notifications:PollInterval"] = "00:00:00.020";
        app.Settings["Notifications:InitialRetryDelay"] = "00:00:00.050";
        app.Settings["Notifications:MaxRetryDelay"] = "00:00:00.200";
        app.Settings["Notifications:Webhooks:SigningKey"] = receiver.SigningKey;
        app.Settings["Notifications:Webhooks:AllowLoopback"] = "true";
        app.Settings["Notifications:Smtp:Host"] = "127.0.0.1";
        app.Settings["Notifications:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Notifications:Smtp:From"] = "StatService <noreply@statservice.test>";
        app.Settings["Notifications:Smtp:UseStartTls"] = "false";
        return app;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}
