using System.Text.Json;
using StatService.Core.Disclosure;

namespace StatService.Core.Catalogue;

/// <summary>
/// The products found in the queries folder: one sub-folder per product holding <c>product.json</c>
/// and the SQL it names. Loaded once at start; a malformed product stops the service with a clear message.
/// </summary>
public sealed class ProductCatalogue : IProductCatalogue
{
    private readonly Dictionary<string, ProductDefinition> _products;

    public ProductCatalogue(IEnumerable<ProductDefinition> products) =>
        _products = products.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public IReadOnlyList<ProductSummary> List() =>
        _products.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p.ToSummary()).ToArray();

    public ProductDefinition? Find(string id) => _products.GetValueOrDefault(id);

    public IReadOnlyCollection<string> Ids => _products.Keys;

    public static ProductCatalogue Load(string queriesDirectory)
    {
        var products = Directory.EnumerateFiles(queriesDirectory, "product.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(LoadProduct)
            .ToArray();
        if (products.Length == 0)
        {
            throw new InvalidDataException("No products found: the queries folder has no */product.json.");
        }

        return new ProductCatalogue(products);
    }

    private static ProductDefinition LoadProduct(string productFile)
    {
        var folder = Path.GetDirectoryName(productFile)!;
        var where = $"{Path.GetFileName(folder)}/product.json";
        using var document = JsonDocument.Parse(File.ReadAllText(productFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;

        string Text(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new InvalidDataException($"{where}: '{name}' must be a string.");

        var queryFile = Text("query");
        var sqlPath = Path.Combine(folder, queryFile);
        if (Path.GetDirectoryName(Path.GetFullPath(sqlPath)) != Path.GetFullPath(folder) || !File.Exists(sqlPath))
        {
            throw new InvalidDataException($"{where}: query file '{queryFile}' must exist beside product.json.");
        }

        var breakdowns = root.GetProperty("breakdowns").EnumerateArray().Select(b => b.GetString()!).ToArray();
        var unknown = breakdowns.Except(Catalogue.Breakdowns.All).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"{where}: unknown breakdowns {string.Join(", ", unknown)}.");
        }

        var product = new ProductDefinition
        {
            Id = Text("id"),
            Version = root.GetProperty("version").GetInt32(),
            Title = Text("title"),
            Description = Text("description"),
            QueryFile = queryFile,
            Sql = File.ReadAllText(sqlPath),
            Breakdowns = breakdowns,
            Measure = Text("measure"),
            Disclosure = ReadPolicy(root.GetProperty("disclosure"), where),
            Review = Text("review"),
            Example = root.GetProperty("example").Clone(),
        };
        if (product.Id != Path.GetFileName(folder))
        {
            throw new InvalidDataException($"{where}: 'id' must equal the folder name.");
        }

        return product;
    }

    private static DisclosurePolicy ReadPolicy(JsonElement element, string where)
    {
        var policy = DisclosurePolicy.DanishDefault;
        var name = element.TryGetProperty("policy", out var p) ? p.GetString() : policy.Name;
        if (name != DisclosurePolicy.DanishDefault.Name)
        {
            throw new InvalidDataException($"{where}: unknown disclosure policy '{name}'.");
        }

        if (element.TryGetProperty("maxSensitiveCount", out var max))
        {
            policy = policy with { MaxSensitiveCount = max.GetInt32() };
        }

        if (element.TryGetProperty("zerosSensitive", out var zeros))
        {
            policy = policy with { ZerosSensitive = zeros.GetBoolean() };
        }

        return policy;
    }
}
