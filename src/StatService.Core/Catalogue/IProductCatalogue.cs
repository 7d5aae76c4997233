namespace StatService.Core.Catalogue;

public interface IProductCatalogue
{
    IReadOnlyList<ProductSummary> List();
}
