using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StatService.Core.Orders;

namespace StatService.Api.Tests.BadBodies;

/// <summary>
/// Duplicate keys, text that is not valid UTF-8 and control characters in names, e-mail and purpose are refused with
/// a 400 naming the path, on every endpoint that takes a body, and nothing is stored. The refusals share one
/// application, whose store must still be empty after each of them; the accepted order starts its own.
/// </summary>
public sealed class BodyCheckTests(SharedApplication shared) : IClassFixture<SharedApplication>
{
    private const string Order = """{"product": "test-count", "parameters": {"years": [2022]}""";

    private const string Form = """
        {"product": "test-count", "parameters": {"years": [2022]}, "purpose": "Magazine", "requesterKind": "journalist",
         "contact": {"name": "Karen Lund", "email": "karen@avis.example"}
        """;

    public static TheoryData<string, string, string> DuplicateKeys => new()
    {
        { "/api/orders", Order + """, "product": "other"}""", "product" },
        { "/api/orders", """{"product": "test-count", "parameters": {"years": [2022], "years": [2021]}}""", "parameters.years" },
        { "/api/orders", """{"product": "test-count", "parameters": {"years": [2022]}, "parameters": {"years": [2021]}}""", "parameters" },
        { "/api/orders", """{"product": "test-count", "parameters": {"years": [2022], "x": [{"a": 1, "A": 2}]}}""", "parameters.x[0].A" },
        { "/api/form/orders", Form + """, "product": "other"}""", "product" },
        { "/api/form/orders", Form.Replace("\"Karen Lund\"", "\"Karen\", \"name\": \"Eve\"", StringComparison.Ordinal) + "}", "contact.name" },
        { "/api/requesters", """{"name": "Avisen", "kind": "journalist", "name": "Other"}""", "name" },
        { "/api/review/orders/0196f000-0000-7000-8000-000000000000/reject", """{"reason": "a", "reason": "b"}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public async Task A_key_given_twice_is_refused_naming_its_path(string path, string body, string field)
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-caseworker");

        using var response = await client.PostAsync(path, ProblemAnswer.Json(body));

        await ProblemAnswer.AssertNamesAsync(response, field, "more than once");
        await AssertNothingStoredAsync(application);
    }

    public static TheoryData<string, byte[], string> BrokenText => new()
    {
        { "/api/orders", Bytes(Order + """, "purpose": "A""", [0xff, 0xfe], "\"}"), "purpose" },
        { "/api/orders", Bytes(Order + """, "contact": {"name": "A""", [0xc0, 0xaf], "\"}}"), "contact.name" },
        { "/api/orders", Bytes(Order + """, "contact": {"name": "\ud800"}}"""), "contact.name" },
        { "/api/orders", Bytes("""{"product": "test-count", "parameters": {"years": [2022, "\udc00"]}}"""), "parameters.years[1]" },
        { "/api/form/orders", Bytes(Form + """, "language": "\ud800x"}"""), "language" },
        { "/api/requesters", Bytes("""{"kind": "journalist", "name": "A""", [0xed, 0xa0, 0x80], "\"}"), "name" },
    };

    [Theory]
    [MemberData(nameof(BrokenText))]
    public async Task Text_that_is_not_valid_utf8_is_refused_naming_the_field(string path, byte[] body, string field)
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-caseworker");

        using var response = await client.PostAsync(path, ProblemAnswer.Json(body));

        await ProblemAnswer.AssertNamesAsync(response, field, "valid text");
        await AssertNothingStoredAsync(application);
    }

    public static TheoryData<string, string, string> ControlCharacters => new()
    {
        { "/api/orders", Order + """, "purpose": "Study\u0000 of diabetes"}""", "purpose" },
        { "/api/orders", Order + """, "contact": {"name": "Eve\r\nBcc: all@example.org", "email": "eve@example.org"}}""", "contact.name" },
        { "/api/orders", Order + """, "contact": {"name": "Eve", "email": "eve@example.org\u001b[2J"}}""", "contact.email" },
        { "/api/orders", Order + """, "contact": {"name": "Eve", "email": "eve@example.org", "organisation": "A\tB"}}""", "contact.organisation" },
        { "/api/form/orders", Form.Replace("Magazine", "Maga\\u0007zine", StringComparison.Ordinal) + "}", "purpose" },
        { "/api/requesters", """{"name": "Avisen\nA/S", "kind": "journalist"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public async Task Control_characters_in_names_email_and_purpose_are_refused(string path, string body, string field)
    {
        var application = shared.Application;
        using var client = application.CreateClient("demo-caseworker");

        using var response = await client.PostAsync(path, ProblemAnswer.Json(body));

        await ProblemAnswer.AssertNamesAsync(response, field, "control character");
        await AssertNothingStoredAsync(application);
    }

    [Fact]
    public async Task A_purpose_may_have_several_lines()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-journalist");

        using var response = await client.PostAsync("/api/orders", ProblemAnswer.Json(Order + """, "purpose": "Line one\r\nLine two\n\tindented"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static byte[] Bytes(string before, byte[]? raw = null, string after = "") =>
        [.. Encoding.UTF8.GetBytes(before), .. raw ?? [], .. Encoding.UTF8.GetBytes(after)];

    private static async Task AssertNothingStoredAsync(StatServiceApplication application)
    {
        var store = application.Services.GetRequiredService<IOrderStore>();
        Assert.Empty(await store.ListAsync(null, null, 10, CancellationToken.None));
        Assert.Empty(await application.Services.GetRequiredService<RequesterKeys>().ListAsync(CancellationToken.None));
    }

}
