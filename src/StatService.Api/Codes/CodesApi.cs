using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Core.CodeLists;

namespace StatService.Api.Codes;

/// <summary>Code search for building cohorts: ICD-10 (SKS), SKS procedures, ATC, regions and municipalities, with Danish texts.</summary>
public static class CodesApi
{
    private const int MaxResults = 50;
    private const int MaxQueryLength = 100;

    public static RouteGroupBuilder MapCodes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/codes").WithTags("Codes").AllowAnonymous();
        group.MapGet("/", SearchCodes)
            .WithName("SearchCodes")
            .WithSummary("Search a code list by code prefix or by Danish or English words");
        return group;
    }

    public static Results<Ok<IReadOnlyList<CodeView>>, ValidationProblem> SearchCodes(
        [FromServices] CodeListSet codeLists, [FromServices] ProcedureCodes procedures, string? system, string? q, int? limit)
    {
        var list = system?.ToLowerInvariant() switch
        {
            "icd10" => codeLists.Icd10,
            // the list orders' procedures criteria are validated against
            "procedure" => procedures.List,
            "atc" => codeLists.Atc,
            "region" => codeLists.Regions,
            "municipality" => codeLists.Municipalities,
            _ => null,
        };
        var errors = new Dictionary<string, string[]>();
        if (list is null)
        {
            errors["system"] = ["Use one of icd10, procedure, atc, region, municipality."];
        }

        if (q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"At most {MaxQueryLength} characters."];
        }

        if (limit is < 1 or > MaxResults)
        {
            errors["limit"] = [$"From 1 to {MaxResults}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The code search is not valid.", title: "Invalid code search");
        }

        var max = limit ?? 20;
        var found = string.IsNullOrWhiteSpace(q) ? list!.Entries.Take(max).ToArray() : list!.Search(q, max);
        return TypedResults.Ok<IReadOnlyList<CodeView>>(found.Select(CodeView.From).ToArray());
    }
}

public sealed record CodeView(string Code, string? Parent, string Level, string LabelDa, string LabelEn)
{
    public static CodeView From(CodeEntry entry) => new(entry.Code, entry.Parent, entry.Level, entry.LabelDa, entry.LabelEn);
}
