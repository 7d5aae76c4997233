using StatService.Core.Catalogue;
using StatService.Core.Localization;
using StatService.Core.Orders;

namespace StatService.Api.Results;

/// <summary>What a person reads about an order: its language and its cohort definition in words.</summary>
public sealed class OrderWords(ProductCatalogue catalogue, OrderDefinitionText definitions, ILogger<OrderWords> logger)
{
    /// <summary>The order's language: the form's choice, or the one an API client asked in; English for older API orders.</summary>
    public static string LanguageOf(Order order) => order.Language is { } language ? Texts.Normalise(language) : Texts.English;

    /// <summary>The definition and the product's title, for the deliverables.</summary>
    public Delivery.ReleaseWording Wording(Order order, string language) => new(Definition(order, language), ProductTitle(order.Product, language));

    /// <summary>The product's title in the language; the id only for a product no longer offered.</summary>
    public string ProductTitle(string productId, string language) =>
        catalogue.Find(productId) is not { } product
            ? productId
            : Texts.Normalise(language) != Texts.English && product.Translations.TryGetValue(Texts.Normalise(language), out var texts) ? texts.Title : product.Title;

    /// <summary>Null for an order whose product is gone or whose stored parameters no longer read (then the parameters are listed).</summary>
    public string? Definition(Order order, string language)
    {
        if (catalogue.Find(order.Product) is not { } product)
        {
            return null;
        }

        try
        {
            return definitions.Describe(product, CohortParametersJson.Deserialize(order.ParametersJson), language);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or KeyNotFoundException)
        {
            logger.LogWarning(e, "The definition of order {OrderId} could not be put in words.", order.Id);
            return null;
        }
    }
}
