using System.Text.Json;
using StatService.Core.Disclosure;

namespace StatService.Core.Catalogue;

/// <summary>
/// The products found in the queries folder: one sub-folder per product holding <c>product.json</c>
/// and the SQL it names. Loaded once at start; a malformed product stops the service with a clear message.
/// </summary>
public sealed class ProductCatalogue : IProductCatalogue
{
    /// <summary>SQL shared by products (the cohort definition), spliced in where a product's SQL names it.</summary>
    public const string SharedFolder = "shared";

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
            .Select(file => LoadProduct(queriesDirectory, file))
            .ToArray();
        if (products.Length == 0)
        {
            throw new InvalidDataException("No products found: the queries folder has no */product.json.");
        }

        return new ProductCatalogue(products);
    }

    private static ProductDefinition LoadProduct(string queriesDirectory, string productFile)
    {
        var folder = Path.GetDirectoryName(productFile)!;
        var where = $"{Path.GetFileName(folder)}/product.json";
        using var document = JsonDocument.Parse(File.ReadAllText(productFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;

        string Text(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new InvalidDataException($"{where}: '{name}' must be a string.");

        string[] Strings(string name, IReadOnlyList<string> allowed) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(s => s.GetString() is { } text && allowed.Contains(text, StringComparer.Ordinal)
                    ? text
                    : throw new InvalidDataException($"{where}: '{name}' holds '{s}', not one of {string.Join(", ", allowed)}.")).ToArray()
                : throw new InvalidDataException($"{where}: '{name}' must be an array.");

        var queryFile = Text("query");
        var sqlPath = Path.Combine(folder, queryFile);
        if (Path.GetDirectoryName(Path.GetFullPath(sqlPath)) != Path.GetFullPath(folder) || !File.Exists(sqlPath))
        {
            throw new InvalidDataException($"{where}: query file '{queryFile}' must exist beside product.json.");
        }

        var parameters = Strings("parameters", CohortParametersReader.KnownFields);
        var breakdowns = Strings("breakdowns", Catalogue.Breakdowns.All);
        var measures = Strings("measures", Catalogue.Measures.All);
        if (measures.Length == 0)
        {
            throw new InvalidDataException($"{where}: 'measures' needs at least one measure.");
        }

        var limits = ReadLimits(root, where);
        var disclosure = ReadPolicy(root.GetProperty("disclosure"), where);
        var product = new ProductDefinition
        {
            Id = Text("id"),
            Version = root.GetProperty("version").GetInt32(),
            Title = Text("title"),
            Description = Text("description"),
            Translations = ReadTranslations(root, where),
            QueryFile = queryFile,
            Sql = SharedSql.Splice(File.ReadAllText(sqlPath), Path.Combine(queriesDirectory, SharedFolder), where),
            Parameters = parameters,
            Breakdowns = breakdowns,
            Measures = measures,
            Tables = ReadTables(root, where),
            Rates = root.TryGetProperty("rates", out var rates)
                ? rates.EnumerateArray().Select(r => new RateSpec(
                    r.GetProperty("name").GetString()!, r.GetProperty("numerator").GetString()!,
                    r.GetProperty("denominator").GetString()!, r.GetProperty("per").GetInt32())).ToArray()
                : [],
            FixedOccurrence = root.TryGetProperty("occurrence", out var occurrence) ? occurrence.GetString() : null,
            Limits = limits,
            Disclosure = disclosure,
            Review = Text("review"),
            Price = ReadPrice(root, where),
            Example = root.GetProperty("example").Clone(),
            ParameterSchema = ParameterSchema.For(parameters, breakdowns, measures, limits),
        };
        if (product.Id != Path.GetFileName(folder))
        {
            throw new InvalidDataException($"{where}: 'id' must equal the folder name.");
        }

        if (product.FixedOccurrence is { } fixedOccurrence && !Occurrence.All.Contains(fixedOccurrence))
        {
            throw new InvalidDataException($"{where}: unknown occurrence '{fixedOccurrence}'.");
        }

        if (disclosure.Method == DisclosureMethod.CellKey && !product.Sql.Contains("key_sum", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{where}: 'disclosure' is cell-key, but {queryFile} returns no cell keys (a 'key_sum' column).");
        }

        if (root.TryGetProperty("magnitudeDisclosure", out _))
        {
            throw new InvalidDataException($"{where}: 'magnitudeDisclosure' is no longer read; dominance rules belong in 'disclosure.dominance'.");
        }

        if (measures.Any(ProductDefinition.IsMagnitude) && (disclosure.Dominance.IsEmpty || disclosure.Method != DisclosureMethod.Suppression))
        {
            throw new InvalidDataException($"{where}: magnitude measures need suppression with dominance rules ('disclosure.dominance').");
        }

        return product;
    }

    private static TableSpec[] ReadTables(JsonElement root, string where)
    {
        var tables = root.GetProperty("tables").EnumerateArray().Select(t => new TableSpec
        {
            Name = t.GetProperty("name").GetString()!,
            Dimensions = t.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()!).ToArray(),
            Additive = !t.TryGetProperty("additive", out var additive) || additive.GetBoolean(),
            NonAdditiveReason = t.TryGetProperty("nonAdditiveReason", out var why) ? why.GetString() : null,
            LinkGroup = t.TryGetProperty("linkGroup", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null,
            PerYear = t.TryGetProperty("perYear", out var perYear) && perYear.GetBoolean(),
            Persons = t.TryGetProperty("persons", out var persons) ? persons.GetString() : null,
        }).ToArray();
        foreach (var table in tables)
        {
            var unknown = table.Dimensions.Where(d => d != TableSpec.OrderBreakdown && !Catalogue.Breakdowns.TableDimensionNames.Contains(d)).ToArray();
            if (unknown.Length > 0)
            {
                throw new InvalidDataException($"{where}: table '{table.Name}' has unknown dimensions {string.Join(", ", unknown)}.");
            }

            if (table.Persons is { } kind && !TablePersons.All.Contains(kind, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{where}: table '{table.Name}' has 'persons' '{kind}', not one of {string.Join(", ", TablePersons.All)}.");
            }

            if (!table.Additive && string.IsNullOrWhiteSpace(table.NonAdditiveReason))
            {
                throw new InvalidDataException($"{where}: table '{table.Name}' is not additive and must say why ('nonAdditiveReason').");
            }
        }

        return tables.Length > 0 ? tables : throw new InvalidDataException($"{where}: 'tables' needs at least one table.");
    }

    private static ProductLimits ReadLimits(JsonElement root, string where)
    {
        if (!root.TryGetProperty("limits", out var element))
        {
            throw new InvalidDataException($"{where}: 'limits' is required.");
        }

        int Limit(string name) => element.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) && n > 0
            ? n
            : throw new InvalidDataException($"{where}: 'limits.{name}' must be a positive whole number.");

        return new ProductLimits
        {
            MaxCells = Limit("maxCells"),
            MaxDimensions = Limit("maxDimensions"),
            MaxCriteria = Limit("maxCriteria"),
            MaxPeriodYears = Limit("maxPeriodYears"),
        };
    }

    /// <summary>
    /// The optional <c>"price": {"baseDkk": 2500, "perCellDkk": 2}</c>: both amounts in DKK, whole øre (two decimals
    /// at most), from 0 to <see cref="Orders.ProductPrice.MaxAmountDkk"/>; anything else stops the service at start,
    /// so a quote is never made from a misread rule.
    /// </summary>
    private static Orders.ProductPrice? ReadPrice(JsonElement root, string where)
    {
        if (!root.TryGetProperty("price", out var price) || price.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (price.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: 'price' must be an object {{\"baseDkk\": ..., \"perCellDkk\": ...}}.");
        }

        foreach (var property in price.EnumerateObject())
        {
            if (property.Name is not ("baseDkk" or "perCellDkk"))
            {
                throw new InvalidDataException($"{where}: 'price.{property.Name}' is not read; a price has 'baseDkk' and 'perCellDkk'.");
            }
        }

        decimal Amount(string name) =>
            price.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var amount)
            && amount >= 0 && amount <= Orders.ProductPrice.MaxAmountDkk && decimal.Round(amount, 2) == amount
                ? amount
                : throw new InvalidDataException(
                    $"{where}: 'price.{name}' must be a number of DKK from 0 to {Orders.ProductPrice.MaxAmountDkk:0}, with at most two decimals.");

        return new Orders.ProductPrice(Amount("baseDkk"), Amount("perCellDkk"));
    }

    /// <summary>Optional <c>"translations": {"da": {"title": "...", "description": "..."}}</c>.</summary>
    private static Dictionary<string, ProductTexts> ReadTranslations(JsonElement root, string where)
    {
        var result = new Dictionary<string, ProductTexts>(StringComparer.Ordinal);
        if (!root.TryGetProperty("translations", out var translations))
        {
            return result;
        }

        foreach (var language in translations.EnumerateObject())
        {
            string Text(string name) =>
                language.Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                    ? v.GetString()!
                    : throw new InvalidDataException($"{where}: 'translations.{language.Name}.{name}' must be a non-empty string.");
            result[language.Name] = new ProductTexts(Text("title"), Text("description"));
        }

        return result;
    }

    private static DisclosurePolicy ReadPolicy(JsonElement element, string where) => DisclosurePolicyJson.Read(element, where);
}
