using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Tests.Policies;

/// <summary>The product catalogue reads each product's "disclosure" object with the policy reader, and refuses a bad one by name.</summary>
public class CataloguePolicyTests
{
    [Fact]
    public void The_shipped_products_are_on_the_danish_default()
    {
        var catalogue = ProductCatalogue.Load(PipelineRegistration.DefaultQueriesDirectory);

        Assert.NotEmpty(catalogue.Ids);
        // custom-table adds its dominance rules (for magnitude measures) to the same policy.
        Assert.All(catalogue.Ids, id => Assert.Equal(DisclosurePolicy.DanishDefault, catalogue.Find(id)!.Disclosure with { Dominance = DominanceRules.None }));
        var dominance = catalogue.Find("custom-table")!.Disclosure.Dominance;
        Assert.Equal((2, 85.0, (double?)10), (dominance.Nk.Single().N, dominance.Nk.Single().K, dominance.PPercent));
    }

    [Fact]
    public void A_product_with_a_bad_policy_field_stops_the_catalogue_naming_product_and_field()
    {
        using var folder = new TemporaryDirectory();
        CopyDirectory(PipelineRegistration.DefaultQueriesDirectory, folder.Path);
        var product = Path.Combine(folder.Path, "patient-count", "product.json");
        var text = File.ReadAllText(product);
        const string Shipped = "\"disclosure\": { \"policy\": \"danish-default\", \"maxSensitiveCount\": 4, \"zerosSensitive\": false }";
        Assert.Contains(Shipped, text, StringComparison.Ordinal);

        File.WriteAllText(product, text.Replace(Shipped, "\"disclosure\": { \"policy\": \"opensafely-rounding\", \"rounding\": { \"base\": 10 } }", StringComparison.Ordinal));
        var rounding = ProductCatalogue.Load(folder.Path).Find("patient-count")!.Disclosure;
        Assert.Equal((DisclosureMethod.Rounding, new RoundingSettings(7, 10)), (rounding.Method, rounding.Rounding));

        File.WriteAllText(product, text.Replace(Shipped, "\"disclosure\": { \"policy\": \"danish-default\", \"zerosSensitve\": true }", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidDataException>(() => ProductCatalogue.Load(folder.Path));
        Assert.StartsWith("patient-count/product.json: 'disclosure.zerosSensitve' is not a policy field", error.Message, StringComparison.Ordinal);
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
