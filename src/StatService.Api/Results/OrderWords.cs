using StatService.Core.Catalogue;
using StatService.Core.Localization;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;

namespace StatService.Api.Results;

/// <summary>What a person reads about an order: its language, its cohort definition in words and what to bear in mind.</summary>
public sealed class OrderWords(ProductCatalogue catalogue, OrderDefinitionText definitions, IExtractRegistry extracts, Breakdowns breakdowns, ILogger<OrderWords> logger)
{
    /// <summary>A stored release with its code names in <paramref name="language"/> (releases are stored with Danish names).</summary>
    public string Labelled(string releaseJson, string language) => Delivery.Release.ReleaseLabels.InLanguage(releaseJson, language, breakdowns.Labels);

    /// <summary>The order's language: the form's choice, or the one an API client asked in; English for older API orders.</summary>
    public static string LanguageOf(Order order) => order.Language is { } language ? Texts.Normalise(language) : Texts.English;

    /// <summary>The definition, the product's title and the notes, for the deliverables.</summary>
    public Delivery.ReleaseWording Wording(Order order, string language) =>
        new(Definition(order, language), ProductTitle(order.Product, language)) { Notes = Notes(order, language) };

    /// <summary>The product's title in the language; the id only for a product no longer offered.</summary>
    public string ProductTitle(string productId, string language) =>
        catalogue.Find(productId) is not { } product
            ? productId
            : Texts.Normalise(language) != Texts.English && product.Translations.TryGetValue(Texts.Normalise(language), out var texts) ? texts.Title : product.Title;

    /// <summary>Null for an order whose product is gone or whose stored parameters no longer read (then the parameters are listed).</summary>
    public string? Definition(Order order, string language) => Definition(order.Product, order.ParametersJson, language, order.Id);

    /// <summary>The definition of validated (normalised) parameters, as an order of them would have it.</summary>
    public string? Definition(string productId, string parametersJson, string language, Guid? orderId = null)
    {
        if (Read(productId, parametersJson, orderId) is not { } read)
        {
            return null;
        }

        try
        {
            return definitions.Describe(read.Product, read.Parameters, language);
        }
        catch (Exception e) when (e is InvalidDataException or KeyNotFoundException)
        {
            logger.LogWarning(e, "The definition of order {OrderId} could not be put in words.", orderId);
            return null;
        }
    }

    /// <summary>The order's tables as they will be laid out, before anything is counted; empty when its parameters no longer read.</summary>
    public IReadOnlyList<Orders.TableLayoutView> Tables(Order order, string language) => Tables(order.Product, order.ParametersJson, language, order.Id);

    public IReadOnlyList<Orders.TableLayoutView> Tables(string productId, string parametersJson, string language, Guid? orderId = null) =>
        Read(productId, parametersJson, orderId) is { } read
            ? TableLayout.Of(read.Product, read.Parameters, breakdowns).Select(layout => Orders.TableLayoutView.Of(layout, language)).ToArray()
            : [];

    /// <summary>
    /// What the reader must bear in mind that the numbers do not say: new cases counted in years without the
    /// extract's look-back (<see cref="IncidenceLookBack"/>). Empty when there is nothing to note.
    /// </summary>
    public IReadOnlyList<string> Notes(Order order, string language) => Notes(order.Product, order.ParametersJson, language, order.Id);

    public IReadOnlyList<string> Notes(string productId, string parametersJson, string language, Guid? orderId = null)
    {
        if (Read(productId, parametersJson, orderId) is not { } read
            || (read.Parameters.ExtractVersion is { } version ? extracts.Find(version) : extracts.Newest()) is not { } extract)
        {
            return [];
        }

        return IncidenceLookBack.Warning(read.Parameters, extract, language) is { } warning ? [warning] : [];
    }

    private (ProductDefinition Product, CohortParameters Parameters)? Read(string productId, string parametersJson, Guid? orderId)
    {
        if (catalogue.Find(productId) is not { } product)
        {
            return null;
        }

        try
        {
            return (product, CohortParametersJson.Deserialize(parametersJson));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or KeyNotFoundException)
        {
            logger.LogWarning(e, "The parameters of order {OrderId} could not be read to put them in words.", orderId);
            return null;
        }
    }
}
