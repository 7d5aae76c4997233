using StatService.Core.Catalogue;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Tests.Policies;

/// <summary>
/// A product.json that is wrong stops the catalogue with the file and the field's path, never with a KeyNotFoundException;
/// a misspelt review setting is refused rather than read as "no review".
/// </summary>
public class CatalogueReadingTests
{
    [Theory]
    [InlineData("\"review\": \"automatic\"", "\"review\": \"caseworkr\"", "'review' is 'caseworkr', not one of automatic, caseworker.")]
    [InlineData("\"version\": 2,", "", "'version' is required.")]
    [InlineData("\"version\": 2,", "\"version\": \"two\",", "'version' must be a whole number from 1 to")]
    [InlineData("{ \"name\": \"patient-count\",", "{ \"nmae\": \"patient-count\",", "'tables[0].nmae' is not a table field")]
    [InlineData("\"maxCells\": 2000,", "\"maxCells\": \"many\",", "'limits.maxCells' must be a whole number from 1 to")]
    [InlineData("\"maxCells\": 2000,", "\"maxCells\": 0,", "'limits.maxCells' must be a whole number from 1 to")]
    [InlineData("\"maxCells\": 2000,", "\"maxCels\": 2000,", "'limits.maxCels' is not a limit")]
    [InlineData("\"limits\": {", "\"limits\": 5, \"x\": {", "'limits' must be a JSON object.")]
    [InlineData("\"baseDkk\": 2500", "\"baseDkk\": 25.005", "'price.baseDkk' must be a number from 0 to 1000000 with at most 2 decimals, not 25.005.")]
    [InlineData("\"baseDkk\": 2500", "\"baseDkk\": \"2500\"", "'price.baseDkk' must be a number from 0 to 1000000")]
    [InlineData("\"perCellDkk\": 2 }", "\"perCellDk\": 2 }", "'price.perCellDk' is not a price field")]
    [InlineData("\"price\": { \"baseDkk\": 2500, \"perCellDkk\": 2 }", "\"price\": 2500", "'price' must be a JSON object.")]
    [InlineData("\"title\": \"Patientantal (forsøgsgrundlag)\"", "\"title\": \" \"", "'translations.da.title' must be a non-empty string.")]
    [InlineData("\"title\": \"Patientantal (forsøgsgrundlag)\"", "\"title\": 7", "'translations.da.title' must be a non-empty string.")]
    [InlineData("\"title\": \"Patientantal (forsøgsgrundlag)\"", "\"titel\": \"Patientantal\"", "'translations.da.titel' is not a translated field")]
    [InlineData("\"da\": {", "\"da\": [], \"x\": {", "'translations.da' must be a JSON object.")]
    [InlineData("\"translations\": {", "\"translations\": [], \"x\": {", "'translations' must be a JSON object.")]
    public void A_bad_field_stops_the_catalogue_naming_file_and_path(string shipped, string broken, string message)
    {
        using var folder = new TemporaryDirectory();
        CataloguePolicyTests.CopyDirectory(PipelineRegistration.DefaultQueriesDirectory, folder.Path);
        var product = Path.Combine(folder.Path, "patient-count", "product.json");
        var text = File.ReadAllText(product);
        Assert.Contains(shipped, text, StringComparison.Ordinal);
        File.WriteAllText(product, text.Replace(shipped, broken, StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => ProductCatalogue.Load(folder.Path));

        Assert.StartsWith($"patient-count/product.json: {message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_table_orders_are_reviewed_because_its_product_says_so()
    {
        var catalogue = ProductCatalogue.Load(PipelineRegistration.DefaultQueriesDirectory);

        Assert.Equal("caseworker", catalogue.Find("custom-table")!.Review);
        Assert.All(catalogue.Ids.Where(id => id != "custom-table"), id => Assert.Equal("automatic", catalogue.Find(id)!.Review));
    }
}
