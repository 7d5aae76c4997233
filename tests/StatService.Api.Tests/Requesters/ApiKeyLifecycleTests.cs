using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using StatService.Api.Tests.Form;
using StatService.Api.Tests.Review;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Api.Tests.Requesters;

/// <summary>API keys issued by a caseworker: shown once, stored as a hash, usable at once, dead once revoked.</summary>
public sealed class ApiKeyLifecycleTests
{
    [Fact]
    public async Task An_issued_key_places_orders_until_it_is_revoked()
    {
        await using var application = new StatServiceApplication();
        using var caseworker = application.CreateClient("demo-caseworker");

        var (issue, issued) = await HttpSteps.PostJsonAsync(caseworker, "/api/requesters", new { name = "Novo Trial Unit", kind = "company" });
        Assert.Equal(HttpStatusCode.Created, issue.StatusCode);
        var id = issued.GetProperty("id").GetString()!;
        var key = issued.GetProperty("apiKey").GetString()!;
        Assert.Equal($"/api/requesters/{id}", issue.Headers.Location?.OriginalString);
        Assert.Equal("company", issued.GetProperty("kind").GetString());

        using var requester = application.CreateClient(key);
        var order = await StatServiceApplication.SubmitAsync(requester);
        using (var own = await requester.GetAsync($"/api/orders/{order}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        var listed = Assert.Single((await HttpSteps.GetJsonAsync(caseworker, "/api/requesters")).Body.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.False(listed.TryGetProperty("apiKey", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);

        using var revoke = await caseworker.DeleteAsync($"/api/requesters/{id}/keys");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var afterRevoke = await requester.GetAsync($"/api/orders/{order}");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("application/problem+json", afterRevoke.Content.Headers.ContentType?.MediaType);
        var revoked = Assert.Single((await HttpSteps.GetJsonAsync(caseworker, "/api/requesters")).Body.EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.String, revoked.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_their_sha256_hash()
    {
        await using var application = new StatServiceApplication();
        using var caseworker = application.CreateClient("demo-caseworker");
        var (_, issued) = await HttpSteps.PostJsonAsync(caseworker, "/api/requesters", new { name = "Diabetesforeningen", kind = "patient_association" });
        var id = issued.GetProperty("id").GetString()!;
        var key = issued.GetProperty("apiKey").GetString()!;

        var expectedHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        Assert.Equal(expectedHash, StoredKeyHash(application.DataDirectory, id));
        Assert.False(StoredFiles.Contain(application.DataDirectory, key));
        // Nor the random part on its own.
        Assert.False(StoredFiles.Contain(application.DataDirectory, key[(key.IndexOf('_', "ssk_".Length) + 1)..]));
        Assert.True(StoredFiles.Contain(application.DataDirectory, expectedHash));
    }

    [Fact]
    public async Task A_key_that_differs_in_its_secret_is_refused()
    {
        await using var application = new StatServiceApplication();
        using var caseworker = application.CreateClient("demo-caseworker");
        var (_, issued) = await HttpSteps.PostJsonAsync(caseworker, "/api/requesters", new { name = "Redaktionen", kind = "journalist" });
        var key = issued.GetProperty("apiKey").GetString()!;
        var forged = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        using var client = application.CreateClient(forged);
        using var response = await client.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_issued_caseworker_key_may_review_and_an_issued_researcher_key_may_not()
    {
        await using var application = new StatServiceApplication();
        using var caseworker = application.CreateClient("demo-caseworker");
        var (_, colleague) = await HttpSteps.PostJsonAsync(caseworker, "/api/requesters", new { name = "Sagsbehandler 2", kind = "caseworker" });
        var (_, researcher) = await HttpSteps.PostJsonAsync(caseworker, "/api/requesters", new { name = "Forsker", kind = "researcher" });

        using var asColleague = application.CreateClient(colleague.GetProperty("apiKey").GetString()!);
        using var asResearcher = application.CreateClient(researcher.GetProperty("apiKey").GetString()!);
        using var allowed = await asColleague.GetAsync("/api/review/orders");
        using var refused = await asResearcher.GetAsync("/api/review/orders");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_requester_without_a_name_or_with_an_unknown_kind_is_a_problem_naming_the_fields()
    {
        await using var application = new StatServiceApplication();
        using var caseworker = application.CreateClient("demo-caseworker");

        var (response, problem) = await HttpSteps.PostJsonAsync(caseworker, "/api/requesters", new { name = " ", kind = "lobbyist" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Empty((await HttpSteps.GetJsonAsync(caseworker, "/api/requesters")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Revoking_an_unknown_requester_is_not_found()
    {
        await using var application = new StatServiceApplication();
        using var caseworker = application.CreateClient("demo-caseworker");

        using var response = await caseworker.DeleteAsync("/api/requesters/r0000000000000000/keys");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string? StoredKeyHash(string dataDirectory, string requesterId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteOrderDatabase.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash FROM requesters WHERE id = $id";
        command.Parameters.AddWithValue("$id", requesterId);
        return command.ExecuteScalar() as string;
    }
}
