using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Data.Extracts;

namespace StatService.Api.Extracts;

/// <summary>The extract versions orders can run on, newest first: what period each covers.</summary>
public static class ExtractsApi
{
    public static RouteGroupBuilder MapExtracts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/extracts").WithTags("Extracts").AllowAnonymous();
        group.MapGet("/", ListExtracts)
            .WithName("ListExtracts")
            .WithSummary("Register extract versions and their coverage, newest first (orders run on the newest)");
        return group;
    }

    public static Ok<IReadOnlyList<ExtractView>> ListExtracts([FromServices] ExtractRegistry registry) =>
        TypedResults.Ok<IReadOnlyList<ExtractView>>(registry.All()
            .Select((e, i) => new ExtractView(e.Manifest.ExtractVersion, e.Manifest.Kind, e.Manifest.Storage, Newest: i == 0,
                e.Manifest.CoverageFrom, e.Manifest.CoverageTo, e.Manifest.CreatedAt,
                e.Manifest.Tables.ToDictionary(t => t.Key, t => t.Value.Rows, StringComparer.Ordinal)))
            .ToArray());
}

/// <summary>
/// An extract version as requesters see it, never file locations: <c>kind</c> synthetic or imported,
/// <c>storage</c> parquet or duckdb, <c>newest</c> on the version orders run on unless they name one.
/// </summary>
public sealed record ExtractView(string Version, string Kind, string Storage, bool Newest, DateOnly CoverageFrom, DateOnly CoverageTo, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, long> Rows);
