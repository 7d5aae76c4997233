using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.Json;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;

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
        var reader = new JsonFieldReader(where);
        reader.RequireObject(root, null);

        string Text(string name) => reader.Text(reader.Required(root, name), name);

        string[] Strings(string name, IReadOnlyList<string> allowed) =>
            [.. reader.Array(reader.Required(root, name), name).Select((s, i) => reader.OneOf(s, $"{name}[{i}]", allowed))];

        var queryFile = Text("query");
        var sqlPath = Path.Combine(folder, queryFile);
        if (Path.GetDirectoryName(Path.GetFullPath(sqlPath)) != Path.GetFullPath(folder) || !File.Exists(sqlPath))
        {
            throw new InvalidDataException($"{where}: query file '{queryFile}' must exist beside product.json.");
        }

        var parameters = Strings("parameters", CohortParametersReader.KnownFields);
        var breakdowns = Strings("breakdowns", OrderSpec.Breakdowns.All);
        var measures = Strings("measures", OrderSpec.Measures.All);
        if (measures.Length == 0)
        {
            throw new InvalidDataException($"{where}: 'measures' needs at least one measure.");
        }

        var limits = ReadLimits(root, reader);
        var disclosure = ReadPolicy(reader.Required(root, "disclosure"), where);
        var product = new ProductDefinition
        {
            Id = Text("id"),
            Version = reader.Whole(reader.Required(root, "version"), "version", 1, int.MaxValue),
            Title = Text("title"),
            Description = Text("description"),
            Translations = ReadTranslations(root, reader),
            QueryFile = queryFile,
            Sql = SharedSql.Splice(File.ReadAllText(sqlPath), Path.Combine(queriesDirectory, SharedFolder), where),
            Parameters = parameters,
            Breakdowns = breakdowns,
            Measures = measures,
            Tables = ReadTables(root, reader, where),
            Rates = ReadRates(root, reader),
            FixedOccurrence = JsonFieldReader.Optional(root, "occurrence") is { } occurrence ? reader.Text(occurrence, "occurrence") : null,
            Limits = limits,
            Disclosure = disclosure,
            // A typo must not make a product automatic: only the two settings are read.
            Review = reader.OneOf(reader.Required(root, "review"), "review", ReviewPolicy.Settings),
            Price = ReadPrice(root, reader),
            Example = reader.Required(root, "example").Clone(),
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

    private static readonly string[] TableFields = ["name", "dimensions", "additive", "nonAdditiveReason", "linkGroup", "perYear", "persons"];

    private static TableSpec[] ReadTables(JsonElement root, JsonFieldReader reader, string where)
    {
        var tables = reader.Array(reader.Required(root, "tables"), "tables").Select((t, i) =>
        {
            var at = reader.Below($"tables[{i}]");
            at.RequireObject(t, null);
            at.RejectUnknown(t, null, TableFields, "a table field");
            return new TableSpec
            {
                Name = at.Text(at.Required(t, "name"), "name"),
                Dimensions = [.. at.Array(at.Required(t, "dimensions"), "dimensions").Select((d, j) => at.Text(d, $"dimensions[{j}]"))],
                Additive = JsonFieldReader.Optional(t, "additive") is not { } additive || at.Boolean(additive, "additive"),
                NonAdditiveReason = JsonFieldReader.Optional(t, "nonAdditiveReason") is { } why ? at.Text(why, "nonAdditiveReason") : null,
                LinkGroup = JsonFieldReader.Optional(t, "linkGroup") is { } link ? at.Text(link, "linkGroup") : null,
                PerYear = JsonFieldReader.Optional(t, "perYear") is { } perYear && at.Boolean(perYear, "perYear"),
                Persons = JsonFieldReader.Optional(t, "persons") is { } persons ? at.Text(persons, "persons") : null,
            };
        }).ToArray();
        foreach (var table in tables)
        {
            var unknown = table.Dimensions.Where(d => d != TableSpec.OrderBreakdown && !OrderSpec.Breakdowns.TableDimensionNames.Contains(d)).ToArray();
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

    /// <summary>Optional <c>"rates"</c>: each a numerator table per a denominator table, times <c>per</c>.</summary>
    private static RateSpec[] ReadRates(JsonElement root, JsonFieldReader reader)
    {
        if (JsonFieldReader.Optional(root, "rates") is not { } rates)
        {
            return [];
        }

        return [.. reader.Array(rates, "rates").Select((r, i) =>
        {
            var at = reader.Below($"rates[{i}]");
            at.RequireObject(r, null);
            string Field(string name) => at.Text(at.Required(r, name), name);
            return new RateSpec(Field("name"), Field("numerator"), Field("denominator"), at.Whole(at.Required(r, "per"), "per", 1, 1_000_000_000));
        })];
    }

    private static readonly string[] LimitFields = ["maxCells", "maxDimensions", "maxCriteria", "maxPeriodYears"];

    private static ProductLimits ReadLimits(JsonElement root, JsonFieldReader reader)
    {
        var limits = reader.Required(root, "limits");
        var at = reader.Below("limits");
        at.RequireObject(limits, null);
        at.RejectUnknown(limits, null, LimitFields, "a limit");
        int Limit(string name) => at.Whole(at.Required(limits, name), name, 1, int.MaxValue);

        return new ProductLimits
        {
            MaxCells = Limit("maxCells"),
            MaxDimensions = Limit("maxDimensions"),
            MaxCriteria = Limit("maxCriteria"),
            MaxPeriodYears = Limit("maxPeriodYears"),
        };
    }

    private static readonly string[] PriceFields = ["baseDkk", "perCellDkk"];

    /// <summary>
    /// The optional <c>"price": {"baseDkk": 2500, "perCellDkk": 2}</c>: both amounts in DKK, whole øre (two decimals
    /// at most), from 0 to <see cref="Orders.ProductPrice.MaxAmountDkk"/>; anything else stops the service at start,
    /// so a quote is never made from a misread rule.
    /// </summary>
    private static Orders.ProductPrice? ReadPrice(JsonElement root, JsonFieldReader reader)
    {
        if (JsonFieldReader.Optional(root, "price") is not { } price)
        {
            return null;
        }

        var at = reader.Below("price");
        at.RequireObject(price, null);
        at.RejectUnknown(price, null, PriceFields, "a price field");
        decimal Amount(string name) => at.Decimal(at.Required(price, name), name, 0, Orders.ProductPrice.MaxAmountDkk, 2);

        return new Orders.ProductPrice(Amount("baseDkk"), Amount("perCellDkk"));
    }

    private static readonly string[] TranslationFields = ["title", "description"];

    /// <summary>Optional <c>"translations": {"da": {"title": "...", "description": "..."}}</c>.</summary>
    private static Dictionary<string, ProductTexts> ReadTranslations(JsonElement root, JsonFieldReader reader)
    {
        var result = new Dictionary<string, ProductTexts>(StringComparer.Ordinal);
        if (JsonFieldReader.Optional(root, "translations") is not { } translations)
        {
            return result;
        }

        reader.RequireObject(translations, "translations");
        foreach (var language in translations.EnumerateObject())
        {
            var at = reader.Below($"translations.{language.Name}");
            at.RequireObject(language.Value, null);
            at.RejectUnknown(language.Value, null, TranslationFields, "a translated field");
            string Text(string name) => at.NonEmptyText(at.Required(language.Value, name), name);
            result[language.Name] = new ProductTexts(Text("title"), Text("description"));
        }

        return result;
    }

    private static DisclosurePolicy ReadPolicy(JsonElement element, string where) => DisclosurePolicyJson.Read(element, where);
}
