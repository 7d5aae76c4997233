using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using StatService.Api.Tests.Review;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;
using Microsoft.Extensions.DependencyInjection;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Api.Tests.Form;

/// <summary>The anonymous web form: always reviewed, followed and cancelled by a status token kept only as a hash.</summary>
public sealed class FormOrderTests
{
    public static object FormBody(string kind = "patient_association") => new
    {
        product = FixedResultPipeline.Product,
        parameters = new { years = new[] { 2022 } },
        purpose = "Member magazine: how many of us live in each region",
        contact = new { name = "Karen Lund", email = "karen@forening.example", organisation = "Foreningen" },
        requesterKind = kind,
        language = "en",
    };

    [Fact]
    public async Task A_form_order_is_accepted_into_review_with_a_status_link()
    {
        await using var application = new StatServiceApplication();
        using var anonymous = application.CreateClient();

        var (response, accepted) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormBody());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var token = accepted.GetProperty("statusToken").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal($"/status/{token}", accepted.GetProperty("statusUrl").GetString());
        var (_, order) = await HttpSteps.GetJsonAsync(anonymous, $"/api/status/{token}");
        Assert.Equal(accepted.GetProperty("id").GetGuid(), order.GetProperty("id").GetGuid());
        Assert.Equal("in_review", order.GetProperty("status").GetString());
        Assert.Equal("form", order.GetProperty("channel").GetString());
        Assert.Equal([("form", null, "submitted", null), ("form", "submitted", "in_review", null)], HttpSteps.History(order));
        Assert.Equal($"/api/status/{token}/result", order.GetProperty("links").GetProperty("result").GetString());
    }

    [Fact]
    public async Task Only_the_hash_of_the_status_token_is_stored()
    {
        await using var application = new StatServiceApplication();
        using var anonymous = application.CreateClient();
        var (_, accepted) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormBody());
        var token = accepted.GetProperty("statusToken").GetString()!;
        var id = accepted.GetProperty("id").GetGuid();

        var stored = await application.Services.GetRequiredService<IOrderStore>().GetAsync(id, CancellationToken.None);

        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored?.StatusTokenHash);
        Assert.False(StoredFiles.Contain(application.DataDirectory, token));
        // The check can see stored text: the hash itself is there.
        Assert.True(StoredFiles.Contain(application.DataDirectory, stored!.StatusTokenHash!));
    }

    [Fact]
    public async Task The_holder_of_the_status_link_can_cancel_before_the_order_runs()
    {
        await using var application = new StatServiceApplication();
        using var anonymous = application.CreateClient();
        var (_, accepted) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormBody());
        var token = accepted.GetProperty("statusToken").GetString()!;

        var (response, cancelled) = await HttpSteps.PostJsonAsync(anonymous, $"/api/status/{token}/cancel", null);
        var (again, problem) = await HttpSteps.PostJsonAsync(anonymous, $"/api/status/{token}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("form", "in_review", "cancelled", "Cancelled by the requester."), HttpSteps.History(cancelled)[^1]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("cancelled", problem.GetProperty("orderStatus").GetString());
    }

    [Fact]
    public async Task A_form_order_without_purpose_contact_or_a_valid_kind_gets_every_problem_by_field()
    {
        await using var application = new StatServiceApplication();
        using var anonymous = application.CreateClient();

        var (response, problem) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", new
        {
            product = FixedResultPipeline.Product,
            parameters = new { years = new[] { 2022 } },
            contact = new { name = "Karen", email = "not an address" },
            requesterKind = "caseworker",
            language = "de",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "purpose", "contact.email", "requesterKind", "language" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Empty(await application.Services.GetRequiredService<IOrderStore>().ListAsync(null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_product_gets_the_same_problem_from_the_form_as_from_the_api()
    {
        await using var application = new StatServiceApplication();
        using var anonymous = application.CreateClient();
        using var company = application.CreateClient("demo-company");
        var order = new { product = "no-such-product", parameters = new { years = new[] { 2022 } } };
        var formOrder = new
        {
            order.product,
            order.parameters,
            purpose = "Member magazine",
            contact = new { name = "Karen Lund", email = "karen@forening.example" },
            requesterKind = "patient_association",
            // The form answers in the language it is filled in (Danish unless chosen), the API in English.
            language = "en",
        };

        var (formResponse, formProblem) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", formOrder);
        var (apiResponse, apiProblem) = await HttpSteps.PostJsonAsync(company, "/api/orders", order);

        foreach (var (response, problem) in new[] { (formResponse, formProblem), (apiResponse, apiProblem) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("The order is not valid", problem.GetProperty("title").GetString());
            Assert.Equal("The product does not exist; see GET /api/products.", problem.GetProperty("detail").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("product", out _));
        }
    }

    [Fact]
    public async Task A_form_order_is_invisible_to_api_keys_except_a_caseworkers()
    {
        await using var application = new StatServiceApplication();
        using var anonymous = application.CreateClient();
        using var company = application.CreateClient("demo-company");
        using var caseworker = application.CreateClient("demo-caseworker");
        var (_, accepted) = await HttpSteps.PostJsonAsync(anonymous, "/api/form/orders", FormBody());
        var id = accepted.GetProperty("id").GetGuid();

        using var asCompany = await company.GetAsync($"/api/orders/{id}");
        using var asCaseworker = await caseworker.GetAsync($"/api/orders/{id}");

        Assert.Equal(HttpStatusCode.NotFound, asCompany.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCaseworker.StatusCode);
    }
}

/// <summary>Reads the service's database files as bytes: what an attacker with the files would see.</summary>
public static class StoredFiles
{
    public static bool Contain(string dataDirectory, string secret)
    {
        SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(secret);
        return Directory.EnumerateFiles(dataDirectory, SqliteOrderDatabase.FileName + "*")
            .Any(file => IndexOf(ReadShared(file), needle) >= 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
