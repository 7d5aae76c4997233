using System.Globalization;
using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Delivery;
using StatService.Disclosure;

namespace StatService.Cli.Tests.Delivery;

/// <summary>What the JSON and CSV writers deliver: the loss report, and never contributions or cell keys.</summary>
public class DeliveredOutputTests
{
    private static readonly ReleaseMetadata Metadata = new(Guid.Empty, "test", "{}", "manual", "ddd", DateTimeOffset.UnixEpoch);

    private static TableDimension Flat(string name, params string[] codes) => TableDimension.Flat(name, "Total", codes.Select(c => (c, c)));

    /// <summary>
    /// A magnitude table whose contributions are numbers that appear nowhere else (not as a value, not as a sum):
    /// 7,777,771 is the largest contribution of a cell of 9,100,013.
    /// </summary>
    private static CountTable Doses()
    {
        long[][] inner = [[7_777_771, 1_322_242], [3_131_313, 3_030_303, 2_929_292], [4_040_404, 4_141_414, 1_212_121], [6_262_626, 5_353_535]];
        var dimensions = new[] { Flat("region", "A", "B"), Flat("sex", "male", "female") };
        var table = CountTable.FromInnerCells("doses", dimensions, c => inner[(c[0] - 1) * 2 + c[1] - 1].Sum());
        var contributions = new long[]?[table.CellCount];
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (table.IsInner(cell))
            {
                var c = table.Coordinates(cell);
                contributions[cell] = inner[(c[0] - 1) * 2 + c[1] - 1];
            }
        }

        return new CountTable(table.Name, table.Dimensions, table.Values) { Contributions = contributions };
    }

    [Fact]
    public void Contributions_never_appear_in_the_delivered_json_or_csv()
    {
        var table = Doses();
        var policy = DisclosurePolicy.DanishDefault with { Dominance = new DominanceRules([new NkRule(1, 70)], 10) };

        var release = new ReleaseProtection().Protect([table], policy);
        var texts = new[] { ResultJsonWriter.Write(Metadata, release), ResultCsvWriter.Write(release), ResultCsvWriter.WriteInformationLoss(release) };

        var contributions = table.Contributions!.Where(c => c is not null).SelectMany(c => c!).ToArray();
        Assert.DoesNotContain(contributions, c => table.Values.Contains(c));
        foreach (var text in texts)
        {
            foreach (var contribution in contributions)
            {
                Assert.DoesNotContain(contribution.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            }

        }

        // No field carries them either (the rule text may name the rule, never the numbers).
        using var parsed = JsonDocument.Parse(texts[0]);
        Assert.DoesNotContain(PropertyNames(parsed.RootElement), n => n.Contains("contribution", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("contribution", texts[1].Split("\r\n")[0], StringComparison.OrdinalIgnoreCase);

        // Not vacuous: the dominated cell (7,777,771 of 9,100,013 > 70 %) is hidden and published values are written.
        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[table.CellIndex([1, 1])]);
        Assert.Contains(table.Values[0].ToString(CultureInfo.InvariantCulture), texts[0], StringComparison.Ordinal);
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)).ToArray(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames).ToArray(),
        _ => [],
    };

    [Fact]
    public void Cell_keys_never_appear_and_the_json_says_the_perturbed_table_is_not_additive()
    {
        var counts = CountTable.FromInnerCells("counts", [Flat("region", "A", "B", "C")], c => 100L * c[0]);
        var keys = new[] { 0.7312468091, 0.1234987612, 0.5550912873, 0.0527394812 };
        var table = new CountTable(counts.Name, counts.Dimensions, counts.Values) { CellKeys = keys };

        var release = new ReleaseProtection().Protect([table], DisclosurePolicyJson.Named["cell-key"]);
        var json = ResultJsonWriter.Write(Metadata, release);
        var csv = ResultCsvWriter.Write(release);

        foreach (var key in keys)
        {
            var digits = key.ToString(CultureInfo.InvariantCulture)[2..8];
            Assert.DoesNotContain(digits, json, StringComparison.Ordinal);
            Assert.DoesNotContain(digits, csv, StringComparison.Ordinal);
        }

        using var document = JsonDocument.Parse(json);
        Assert.DoesNotContain(PropertyNames(document.RootElement), n => n.Contains("key", StringComparison.OrdinalIgnoreCase));
        var disclosure = document.RootElement.GetProperty("disclosure");
        Assert.Equal("cell-key", disclosure.GetProperty("method").GetString());
        Assert.False(disclosure.GetProperty("additive").GetBoolean());
        Assert.Contains("do not add up to its totals", disclosure.GetProperty("rule").GetString(), StringComparison.Ordinal);
        var perturbed = Enumerable.Range(0, table.CellCount).Count(c => release.Tables[0].PublishedValue(c) is { } v && v != table.Values[c]);
        Assert.Equal(perturbed, disclosure.GetProperty("informationLoss").GetProperty("cellsPerturbed").GetInt32());
        Assert.Equal(JsonValueKind.Null, disclosure.GetProperty("informationLoss").GetProperty("shareOfTotalHidden").ValueKind);
    }

    [Fact]
    public void The_json_keeps_its_fields_and_adds_the_loss_report_per_table_and_release()
    {
        var first = CountTable.FromInnerCells("first", [Flat("sex", "male", "female", "other")], c => c[0] == 3 ? 2 : 40);
        var second = CountTable.FromInnerCells("second", [Flat("sex", "male", "female")], c => 30);

        var release = new ReleaseProtection().Protect([first, second], DisclosurePolicy.DanishDefault);
        using var document = JsonDocument.Parse(ResultJsonWriter.Write(Metadata, release));

        var disclosure = document.RootElement.GetProperty("disclosure");
        foreach (var field in new[] { "rule", "policy", "suppressedCells", "auditPassed", "auditedCells" })
        {
            Assert.True(disclosure.TryGetProperty(field, out _), field);
        }

        var tables = document.RootElement.GetProperty("tables").EnumerateArray().ToArray();
        var firstLoss = tables[0].GetProperty("informationLoss");
        var hiddenCells = tables[0].GetProperty("cells").EnumerateArray().Count(c => c.GetProperty("status").GetString() == "suppressed");
        Assert.Equal(hiddenCells, firstLoss.GetProperty("cellsSuppressed").GetInt32());
        Assert.False(firstLoss.TryGetProperty("primarySuppressions", out _));
        Assert.Equal(0, tables[1].GetProperty("informationLoss").GetProperty("cellsSuppressed").GetInt32());
        Assert.Equal(0.0, tables[1].GetProperty("informationLoss").GetProperty("shareOfTotalHidden").GetDouble());
        // The release: 82 is the grand total; the hidden inner cells are the 2 and its complement(s) of 40.
        var hidden = tables[0].GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "suppressed" && c.GetProperty("coordinates").GetProperty("sex").GetString() != "total")
            .Sum(c => c.GetProperty("coordinates").GetProperty("sex").GetString() == "other" ? 2 : 40);
        Assert.Equal(Math.Round(hidden / 82.0, 6), firstLoss.GetProperty("shareOfTotalHidden").GetDouble());
        Assert.Equal(Math.Round(hidden / (82.0 + 60), 6), disclosure.GetProperty("informationLoss").GetProperty("shareOfTotalHidden").GetDouble());
        Assert.Equal(hiddenCells, disclosure.GetProperty("informationLoss").GetProperty("cellsSuppressed").GetInt32());
        Assert.Equal(first.CellCount + second.CellCount, disclosure.GetProperty("informationLoss").GetProperty("cells").GetInt32());
    }

    [Fact]
    public void A_table_added_after_protection_is_written_without_a_loss_report_of_its_own()
    {
        var counts = CountTable.FromInnerCells("counts", [Flat("sex", "male", "female")], c => 30);
        var release = new ReleaseProtection().Protect([counts], DisclosurePolicy.DanishDefault);
        var derived = new ProtectedTable(CountTable.FromInnerCells("rates", [Flat("sex", "male", "female")], c => 5), new CellStatus[3]);

        using var document = JsonDocument.Parse(ResultJsonWriter.Write(Metadata, release with { Tables = [.. release.Tables, derived] }));

        var tables = document.RootElement.GetProperty("tables").EnumerateArray().ToArray();
        Assert.True(tables[0].TryGetProperty("informationLoss", out _));
        Assert.False(tables[1].TryGetProperty("informationLoss", out _));
    }
}
