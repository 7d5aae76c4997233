using System.Text.Json;
using StatService.Core.Disclosure;

namespace StatService.Core.Catalogue;

/// <summary>A product as declared by <c>queries/&lt;id&gt;/product.json</c>, with its SQL loaded.</summary>
public sealed record ProductDefinition
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>DuckDB SQL with <c>$named</c> parameters only; user values are never part of it.</summary>
    public required string Sql { get; init; }

    /// <summary>The SQL file's name, for traces and error messages.</summary>
    public required string QueryFile { get; init; }

    public required IReadOnlyList<string> Breakdowns { get; init; }

    /// <summary>What each inner cell counts, e.g. <c>persons</c>.</summary>
    public required string Measure { get; init; }

    public required DisclosurePolicy Disclosure { get; init; }

    /// <summary><c>automatic</c> or <c>caseworker</c>.</summary>
    public required string Review { get; init; }

    /// <summary>A ready-to-run order body.</summary>
    public required JsonElement Example { get; init; }

    public ProductSummary ToSummary() => new(Id, Title, Description, Breakdowns, Disclosure.Name, Example);
}
