using StatService.Core.OrderSpec;
using StatService.Core.Catalogue;
using StatService.Delivery.Release;

namespace StatService.Delivery.Tests;

/// <summary>A stored (Danish) release given in English: the codes' names change, nothing else does.</summary>
public sealed class ReleaseLabelsTests
{
    private static readonly DimensionLabels Labels = new(RepositoryCodeLists.Lists);

    [Fact]
    public void An_english_release_names_the_codes_in_english_and_keeps_every_cell()
    {
        var english = ReleaseLabels.InLanguage(SampleRelease.Json, "en", Labels);

        var before = JsonRelease.Read(SampleRelease.Json);
        var after = JsonRelease.Read(english);
        Assert.Equal("Region Nordjylland", before.Tables[0].Label("region", "1081"));
        Assert.Equal("North Denmark Region", after.Tables[0].Label("region", "1081"));
        Assert.Equal("Total", after.Tables[0].Label("region", "total"));
        Assert.Equal("Women", after.Tables[1].Label("sex", "female"));
        // A dimension the labels do not know (years) keeps its names.
        Assert.Equal("2021", after.Tables[0].Label("year", "2021"));
        Assert.Equal(before.Tables.Select(t => t.Cells), after.Tables.Select(t => t.Cells), (x, y) => x.SequenceEqual(y, CellComparer.Instance));
    }

    [Fact]
    public void A_danish_release_is_the_stored_text_itself()
    {
        Assert.Same(SampleRelease.Json, ReleaseLabels.InLanguage(SampleRelease.Json, "da", Labels));
        const string unknown = """
            {"orderId":"o","product":"p","parameters":{},"extractVersion":"v","measure":"persons","createdAt":null,
             "disclosure":{"rule":"r","policy":"p","suppressedCells":0,"auditPassed":true,"auditedCells":0,"method":null,"additive":null},
             "tables":[{"name":"t","dimensions":[{"name":"year","codes":[{"code":"2021","label":"2021","parent":null}]}],"cells":[]}]}
            """;
        Assert.Same(unknown, ReleaseLabels.InLanguage(unknown, "en", Labels));
    }

    [Fact]
    public void A_text_that_is_not_a_release_is_refused_not_read_as_empty()
    {
        const string partial = """{"tables":[]}""";
        Assert.Throws<InvalidDataException>(() => ReleaseLabels.InLanguage(partial, "en", Labels));
        Assert.Throws<InvalidDataException>(() => ReleaseDocument.Parse(SampleRelease.Json.Replace("\"product\"", "\"producer\"", StringComparison.Ordinal)));
    }

    private sealed class CellComparer : IEqualityComparer<JsonReleaseCell>
    {
        public static readonly CellComparer Instance = new();

        public bool Equals(JsonReleaseCell? x, JsonReleaseCell? y) =>
            x is not null && y is not null && x.Codes.SequenceEqual(y.Codes) && x.Value == y.Value && x.Status == y.Status;

        public int GetHashCode(JsonReleaseCell obj) => HashCode.Combine(obj.Value, obj.Status);
    }
}
