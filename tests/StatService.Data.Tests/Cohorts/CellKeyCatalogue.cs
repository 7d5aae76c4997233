using System.Text.Json.Nodes;
using StatService.Core.Catalogue;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// A temporary copy of the shipped catalogue in which the named products choose <c>"disclosure": {"policy": "cell-key"}</c>
/// in their product.json, loaded through the real catalogue (which refuses cell-key for a query without key_sum).
/// </summary>
public sealed class CellKeyCatalogue : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"statservice-cellkey-catalogue-{Guid.NewGuid():N}");

    public CellKeyCatalogue(params string[] productIds)
    {
        foreach (var file in Directory.EnumerateFiles(PipelineRegistration.DefaultQueriesDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(PipelineRegistration.DefaultQueriesDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var id in productIds)
        {
            var productFile = Path.Combine(_folder, id, "product.json");
            var product = JsonNode.Parse(File.ReadAllText(productFile))!;
            product["disclosure"] = new JsonObject { ["policy"] = "cell-key" };
            File.WriteAllText(productFile, product.ToJsonString());
        }

        Catalogue = ProductCatalogue.Load(_folder);
    }

    public ProductCatalogue Catalogue { get; }

    /// <summary>The copied queries folder, for a service started on it (<c>Catalogue:QueriesDirectory</c>).</summary>
    public string Folder => _folder;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
