using System.Text.Json;

namespace StatService.Core.Catalogue;

/// <summary>What <c>GET /api/products</c> shows of a product.</summary>
public sealed record ProductSummary(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Breakdowns,
    string DisclosurePolicy,
    JsonElement Example);
