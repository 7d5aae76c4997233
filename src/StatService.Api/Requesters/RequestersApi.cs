using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Api.Auth;
using StatService.Api.Http;
using StatService.Core.Orders;

namespace StatService.Api.Requesters;

/// <summary>Caseworkers issue, list and revoke requesters' API keys. A key is shown once; only its hash is kept.</summary>
public static class RequestersApi
{
    public const int MaxNameLength = 200;

    public static RouteGroupBuilder MapRequesters(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/requesters")
            .WithTags("Requesters")
            .RequireAuthorization(Requester.CaseworkerPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Issue)
            .WithName("IssueApiKey")
            .WithSummary("Register a requester and issue its API key (shown once)");

        group.MapGet("/", List)
            .WithName("ListRequesters")
            .WithSummary("Requesters with issued keys, oldest first (never the keys)");

        group.MapDelete("/{id}/keys", Revoke)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a requester's API key: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static async Task<Results<Created<IssuedKeyView>, ValidationProblem>> Issue(
        IssueKeyRequest body, [FromServices] RequesterKeys keys, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"Required: the requester's name (1-{MaxNameLength} characters)."];
        }
        else if (ControlCharacters.Problem(name, multiline: false) is { } problem)
        {
            errors["name"] = [problem];
        }

        if (!RequesterKinds.TryParse(body.Kind, out var kind))
        {
            errors["kind"] = [$"Required: one of {RequesterKinds.Codes(Enum.GetValues<RequesterKind>())}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The requester is not valid.", title: "The requester is not valid");
        }

        var issued = await keys.IssueAsync(name!, kind, cancellationToken);
        var view = new IssuedKeyView(issued.Requester.Id, issued.Requester.Name, issued.Requester.Kind, issued.Requester.CreatedAt, issued.ApiKey);
        return TypedResults.Created($"/api/requesters/{issued.Requester.Id}", view);
    }

    public static async Task<Ok<RequesterView[]>> List([FromServices] RequesterKeys keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(RequesterView.From).ToArray());

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string id, [FromServices] RequesterKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"There is no requester '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Requester not found");
}

/// <param name="Name">Who the key is for (a company, association, newsroom, person).</param>
/// <param name="Kind">company, patient_association, journalist, researcher or caseworker.</param>
public sealed record IssueKeyRequest(string? Name, string? Kind);

/// <summary>The answer to an issued key: the only time the key is shown.</summary>
public sealed record IssuedKeyView(string Id, string Name, RequesterKind Kind, DateTimeOffset CreatedAt, string ApiKey);

public sealed record RequesterView(string Id, string Name, RequesterKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static RequesterView From(RequesterAccount account) => new(account.Id, account.Name, account.Kind, account.CreatedAt, account.RevokedAt);
}
