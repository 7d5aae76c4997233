using System.Security.Cryptography;
using StatService.Core.Catalogue;
using StatService.Core.Tables;
using StatService.Disclosure;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// An order that finds nobody (no one aged 120 or more) under cell-key: the margins the query returns over no rows
/// have key 0 (not a missing key), and the release publishes zeros rather than failing the order.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class EmptyCohortCellKeyTests(SharedExtract extract)
{
    [Theory]
    [InlineData("patient-count", """{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2021-01-01","to":"2021-12-31"},"age":{"min":120},"breakdown":["sex"]}""")]
    [InlineData("group-profile", """{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2021-01-01","to":"2021-12-31"},"age":{"min":120}}""")]
    [InlineData("incidence-prevalence", """{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2021-01-01","to":"2021-12-31"},"age":{"min":120},"breakdown":["sex"]}""")]
    public async Task An_order_that_finds_nobody_publishes_zeros(string productId, string parametersJson)
    {
        using var catalogue = new CellKeyCatalogue(productId);
        var product = catalogue.Catalogue.Find(productId)!;
        var parameters = extract.Read(parametersJson, productId);

        var tables = await extract.RunAsync(product, parameters, RecordKeyPads.From(RandomNumberGenerator.GetBytes(32)));
        var release = new ReleaseProtection().Protect(tables, product.Disclosure);

        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.All(t.Values, v => Assert.Equal(0, v)));
        Assert.All(tables, t => Assert.All(t.CellKeys!, k => Assert.Equal(0.0, k)));
        Assert.All(release.Tables, t => Assert.All(t.Status, s => Assert.Equal(CellStatus.Published, s)));
    }
}
