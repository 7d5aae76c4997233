using System.Globalization;
using StatService.Delivery;

namespace StatService.Delivery.Tests;

public sealed class ReleaseCsvWriterTests
{
    [Fact]
    public void A_danish_csv_is_semicolon_separated_with_danish_headers_and_every_cell_of_the_json()
    {
        var csv = ReleaseCsvWriter.Write(SampleRelease.Json, CsvOptions.For("da"));
        var rows = CsvText.Parse(csv, ';');

        Assert.StartsWith("\uFEFFtabel;region;region_tekst;år;år_tekst;køn;køn_tekst;værdi;status\r\n", csv, StringComparison.Ordinal);
        AssertCellsEqualJson(rows, "skjult", "offentliggjort");
    }

    [Theory]
    [InlineData("en", null, null, ',', "published")]
    [InlineData("da", "en", null, ',', "published")]
    [InlineData("en", "da", null, ';', "offentliggjort")]
    [InlineData("en", null, "semicolon", ';', "published")]
    [InlineData("da", null, "tab", '\t', "offentliggjort")]
    public void Separator_and_locale_can_be_chosen(string orderLanguage, string? locale, string? sep, char separator, string published)
    {
        var options = CsvOptions.For(orderLanguage, locale, sep);
        Assert.Equal(separator, options.Separator);
        var rows = CsvText.Parse(ReleaseCsvWriter.Write(SampleRelease.Json, options), separator);
        Assert.Equal(9, rows[0].Length);
        Assert.Contains(rows, r => r[^1] == published);
    }

    [Fact]
    public void Decimals_are_written_with_the_locale_s_mark_and_no_thousands_separator()
    {
        Assert.Equal("17,7", ReleaseCsvWriter.Number(17.7, CsvOptions.For("da")));
        Assert.Equal("17.7", ReleaseCsvWriter.Number(17.7, CsvOptions.For("en")));
        Assert.Equal("12345", ReleaseCsvWriter.Number(12345, CsvOptions.For("da")));
    }

    [Fact]
    public void Unknown_choices_are_named()
    {
        Assert.Null(CsvOptions.Check("da", "semicolon"));
        Assert.StartsWith("locale", CsvOptions.Check("fr", null), StringComparison.Ordinal);
        Assert.StartsWith("sep", CsvOptions.Check(null, "pipe"), StringComparison.Ordinal);
    }

    private static void AssertCellsEqualJson(List<string[]> rows, string hidden, string published)
    {
        var header = rows[0];
        var release = JsonRelease.Read(SampleRelease.Json);
        Assert.Equal(release.Tables.Sum(t => t.Cells.Count), rows.Count - 1);
        var table = release.Tables.ToDictionary(t => t.Name);
        var byKey = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            // Table names in the JSON; dimension columns in the header's order, Danish names mapped back.
            var t = table[row[0]];
            var key = string.Join(";", t.Dimensions.Select(d => $"{d}={row[1 + (2 * ColumnOf(d))]}"));
            byKey.Add($"{t.Name}|{key}", row);
        }

        foreach (var t in release.Tables)
        {
            foreach (var cell in t.Cells)
            {
                var row = byKey[$"{t.Name}|{t.Key(cell)}"];
                Assert.Equal(cell.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row[^2]);
                Assert.Equal(cell.Value is null ? hidden : published, row[^1]);
            }
        }

        static int ColumnOf(string dimension) => dimension switch { "region" => 0, "year" => 1, "sex" => 2, _ => throw new ArgumentException(dimension) };
        Assert.Equal(9, header.Length);
    }
}
