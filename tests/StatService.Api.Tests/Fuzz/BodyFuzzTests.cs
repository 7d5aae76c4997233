using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Tests.Form;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Fuzz;

/// <summary>
/// 5,000 seeded hostile bodies for each endpoint that takes a body: never a 5xx; every refusal of input is
/// problem+json naming a field; and the store holds exactly what the accepted requests created, nothing from the
/// refused ones.
/// </summary>
public sealed class BodyFuzzTests(ITestOutputHelper output)
{
    private const int BodiesPerEndpoint = 5_000;
    private const int Seed = 20261206;

    [Fact]
    public async Task Malformed_bodies_never_get_a_5xx_and_refusals_name_a_field_and_change_nothing()
    {
        await using var application = new StatServiceApplication
        {
            Settings =
            {
                ["RateLimits:Orders:PermitLimit"] = "1000000",
                ["RateLimits:Form:PermitLimit"] = "1000000",
                // The API alone: accepted orders wait in the queue, so the store changes only by the requests.
                ["Worker:RunJobs"] = "false",
            },
        };
        using var caseworker = application.CreateClient("demo-caseworker");
        using var journalist = application.CreateClient("demo-journalist");
        using var anonymous = application.CreateClient();
        var store = application.Services.GetRequiredService<IOrderStore>();
        var keys = application.Services.GetRequiredService<RequesterKeys>();

        var inReview = await PlaceFormOrderAsync(anonymous);
        var reviewPath = $"/api/review/orders/{inReview}";
        var endpoints = new (string Path, HttpClient Client, string ValidBody)[]
        {
            ("/api/orders", journalist, JsonSerializer.Serialize(new
            {
                product = FixedResultPipeline.Product,
                parameters = new { years = new[] { 2022 } },
                purpose = "Fuzz",
                contact = new { name = "Eve", email = "eve@example.org", organisation = "Avisen" },
            })),
            ("/api/form/orders", anonymous, JsonSerializer.Serialize(FormOrderTests.FormBody())),
            ("/api/requesters", caseworker, """{"name": "Avisen", "kind": "journalist"}"""),
            ($"{reviewPath}/approve", caseworker, """{"priceQuoteDkk": 1200.5, "note": "Fine"}"""),
            ($"{reviewPath}/reject", caseworker, """{"reason": "Too detailed for a journalist"}"""),
        };

        var ordersBefore = await OrderIdsAsync(store);
        var requestersBefore = (await keys.ListAsync(CancellationToken.None)).Select(r => r.Id).ToHashSet();
        var historyBefore = (await store.GetHistoryAsync(inReview, CancellationToken.None)).Count;

        var clock = Stopwatch.StartNew();
        var outcomes = new List<Outcome>();
        for (var e = 0; e < endpoints.Length; e++)
        {
            var (path, client, valid) = endpoints[e];
            var bodies = new MalformedBodies(valid, Seed + e).Take(BodiesPerEndpoint).ToList();
            var results = await Task.WhenAll(Partition(bodies, 4).Select(part => SendAllAsync(client, path, part)));
            outcomes.AddRange(results.SelectMany(r => r));
        }

        clock.Stop();
        foreach (var group in outcomes.GroupBy(o => (o.Path, o.Status)).OrderBy(g => g.Key.Path, StringComparer.Ordinal).ThenBy(g => g.Key.Status))
        {
            output.WriteLine($"{group.Key.Path} {group.Key.Status}: {group.Count()}");
        }

        output.WriteLine($"{outcomes.Count} requests in {clock.Elapsed.TotalSeconds:F1} s");

        var failures = outcomes.Where(o => o.Problem is not null).Take(10).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Path} {f.Status} {f.Problem} <- {f.Body}")));
        Assert.Equal(endpoints.Length * BodiesPerEndpoint, outcomes.Count);

        // Exactly the created orders and requesters are new; nothing else was written.
        var created = outcomes.Where(o => o.CreatedId is not null).Select(o => o.CreatedId!).ToHashSet();
        var newOrders = (await OrderIdsAsync(store)).Except(ordersBefore).Select(id => id.ToString()).ToHashSet();
        var newRequesters = (await keys.ListAsync(CancellationToken.None)).Select(r => r.Id).Where(id => !requestersBefore.Contains(id)).ToHashSet();
        Assert.Equal(created.OrderBy(x => x, StringComparer.Ordinal), newOrders.Concat(newRequesters).OrderBy(x => x, StringComparer.Ordinal));
        if (!outcomes.Any(o => o.Path.StartsWith(reviewPath, StringComparison.Ordinal) && o.Status == 200))
        {
            Assert.Equal(historyBefore, (await store.GetHistoryAsync(inReview, CancellationToken.None)).Count);
        }
    }

    private static async Task<List<Outcome>> SendAllAsync(HttpClient client, string path, IEnumerable<FuzzBody> bodies)
    {
        var outcomes = new List<Outcome>();
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body.Bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
            using var response = await client.PostAsync(path, content);
            outcomes.Add(await JudgeAsync(path, body, response));
        }

        return outcomes;
    }

    /// <summary>What is wrong with the answer (null when it is right), and what a success created.</summary>
    private static async Task<Outcome> JudgeAsync(string path, FuzzBody body, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        string? problem = null, created = null;
        if (status >= 500)
        {
            problem = "a server error";
        }
        else if (status is 200 or 201 or 202)
        {
            using var json = JsonDocument.Parse(text);
            created = status == 200 ? null : json.RootElement.GetProperty("id").ToString();
        }
        else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problem = $"a {status} that is not problem+json";
        }
        else if (status is 400 or 413 or 415 or 422 && !NamesAField(text))
        {
            problem = "a refusal naming no field";
        }
        else if (status is not (400 or 404 or 409 or 413 or 415 or 422))
        {
            problem = $"an unexpected {status}";
        }

        return new Outcome(path, status, problem, created, problem is null ? null : body + " -> " + text);
    }

    private static bool NamesAField(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            && errors.EnumerateObject().Any(e => e.Name.Length > 0 && e.Value.ValueKind == JsonValueKind.Array && e.Value.GetArrayLength() > 0);
    }

    private static async Task<Guid> PlaceFormOrderAsync(HttpClient anonymous)
    {
        var (response, accepted) = await Review.HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormOrderTests.FormBody());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return accepted.GetProperty("id").GetGuid();
    }

    private static async Task<HashSet<Guid>> OrderIdsAsync(IOrderStore store) =>
        (await store.ListAsync(null, null, 1_000_000, CancellationToken.None)).Select(o => o.Id).ToHashSet();

    private static IEnumerable<IEnumerable<T>> Partition<T>(IReadOnlyList<T> items, int parts) =>
        Enumerable.Range(0, parts).Select(p => items.Where((_, i) => i % parts == p));

    private sealed record Outcome(string Path, int Status, string? Problem, string? CreatedId, string? Body);
}
