using StatService.Core.Catalogue;
using StatService.Core.OrderSpec;
using StatService.Core.Tests.CodeLists;

namespace StatService.Core.Tests.Ledger;

/// <summary>The repository's products (<c>queries/</c>) and the breakdowns over its code lists, loaded once.</summary>
internal static class RepositoryCatalogue
{
    private static readonly Lazy<ProductCatalogue> Loaded = new(() =>
        ProductCatalogue.Load(Path.GetDirectoryName(RepositoryCodeLists.Folder)!));

    public static ProductCatalogue Products => Loaded.Value;

    public static Breakdowns Breakdowns { get; } = new(RepositoryCodeLists.Lists);

    public static ProductDefinition Product(string id) => Products.Find(id) ?? throw new InvalidOperationException($"No product '{id}'.");
}
