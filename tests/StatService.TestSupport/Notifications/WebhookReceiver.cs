using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace StatService.TestSupport.Notifications;

/// <summary>
/// A webhook receiver as a requester would write one: a real Kestrel server on 127.0.0.1 that checks every
/// request's signature with its own HMAC code (not the service's), answers 503 to the first
/// <see cref="FailuresPerEvent"/> attempts of each event, and records what it was sent.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attemptsPerEvent = new();

    private WebhookReceiver(WebApplication app, string signingKey, int failuresPerEvent)
    {
        _app = app;
        SigningKey = signingKey;
        FailuresPerEvent = failuresPerEvent;
    }

    public string SigningKey { get; }

    public int FailuresPerEvent { get; }

    public string Url { get; private set; } = "";

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>The requests answered 2xx.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => Requests.Where(r => r.Accepted).ToList();

    public static async Task<WebhookReceiver> StartAsync(string signingKey, int failuresPerEvent = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, signingKey, failuresPerEvent);
        app.MapPost("/hooks/statservice", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address + "/hooks/statservice";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var eventId = request.Headers["StatService-Event-Id"].ToString();
        var signatureValid = Verify(request.Headers["StatService-Signature"].ToString(), body, out var timestamp);
        var attempt = _attemptsPerEvent.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        var accepted = signatureValid && attempt > FailuresPerEvent;
        Requests.Enqueue(new ReceivedWebhook(eventId, body, signatureValid, timestamp, attempt, DateTimeOffset.UtcNow, accepted));
        if (!signatureValid)
        {
            return HttpResults.Unauthorized();
        }

        return accepted ? HttpResults.NoContent() : HttpResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The receiver's check, as the README tells requesters to write it: recompute, compare in constant time, refuse stale.</summary>
    private bool Verify(string header, string body, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((DateTimeOffset.UtcNow - timestamp).Duration() > TimeSpan.FromMinutes(5))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(SigningKey));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t}.{body}"));
        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(
    string EventId, string Body, bool SignatureValid, DateTimeOffset SignedAt, int Attempt, DateTimeOffset ReceivedAt, bool Accepted);
