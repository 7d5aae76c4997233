using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StatService.Delivery;

namespace StatService.Delivery.Tests;

public sealed class ResultXlsxWriterTests
{
    private static readonly byte[] Workbook = ResultXlsxWriter.Write(SampleRelease.Json, "da");

    private static readonly byte[] EnglishWorkbook = ResultXlsxWriter.Write(SampleRelease.Json, "en");

    [Fact]
    public void Has_one_sheet_per_table_named_in_words_then_definitions()
    {
        var sheets = XlsxWorkbook.Read(Workbook);
        Assert.Equal(JsonRelease.Read(SampleRelease.Json).Tables.Count + 1, sheets.Count);
        Assert.Equal(ResultXlsxWriter.DefinitionsSheet("da"), sheets.Keys.Last());
        Assert.Equal("Definitioner", sheets.Keys.Last());
    }

    [Fact]
    public void Is_a_valid_open_xml_workbook()
    {
        foreach (var bytes in new[] { Workbook, EnglishWorkbook })
        {
            using var stream = new MemoryStream(bytes);
            using var document = SpreadsheetDocument.Open(stream, false);
            var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
            Assert.Empty(problems);
        }
    }

    [Theory]
    [InlineData("da", "skjult")]
    [InlineData("en", "suppressed")]
    public void Every_cell_of_every_table_equals_the_json_in_the_ordered_layout(string language, string hidden)
    {
        var bytes = language == "da" ? Workbook : EnglishWorkbook;
        var sheets = XlsxWorkbook.Read(bytes).Values.ToArray();
        var tables = JsonRelease.Read(SampleRelease.Json).Tables;
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var rows = sheets[t];
            var crossTab = XlsxCrossTabRead.From(table, rows);
            Assert.Equal(table.Cells.Count, crossTab.Cells.Count);
            foreach (var cell in table.Cells)
            {
                var (text, row, column) = crossTab.Cells[table.Key(cell)];
                if (cell.Value is { } value)
                {
                    Assert.Equal(value.ToString(CultureInfo.InvariantCulture), text);
                    Assert.True(XlsxWorkbook.IsNumber(bytes, XlsxWorkbook.Read(bytes).Keys.ElementAt(t), row, column), $"{table.Key(cell)} is not a number cell");
                }
                else
                {
                    Assert.Equal(hidden, text);
                }
            }
        }
    }

    [Fact]
    public void A_two_dimensional_table_is_a_crosstab_with_names_beside_codes()
    {
        var rows = XlsxWorkbook.Read(Workbook).Values.First();
        // Region down (code and name), year across (three years and the total).
        Assert.Equal(["region (kode)", "region", "I alt", "2021", "2022", "2023"], rows[1]);
        Assert.Equal(["", "", "total", "2021", "2022", "2023"], rows[2]);
        Assert.Contains(rows, r => r[0] == "1081" && r[1] == "Region Nordjylland");
        Assert.Contains(rows, r => r[0] == "total" && r[1] == "I alt");
        Assert.Equal(4 + 3, rows.Count);
    }

    [Fact]
    public void The_same_release_gives_the_same_bytes()
    {
        // Zip entries carry a time with two-second resolution: write again after it has moved on.
        Thread.Sleep(TimeSpan.FromSeconds(2.1));
        Assert.Equal(Workbook, ResultXlsxWriter.Write(SampleRelease.Json, "da"));
    }

    [Fact]
    public void Definitions_name_the_cohort_the_extract_and_the_disclosure_in_the_language()
    {
        var wording = new ReleaseWording("Personer med type 2-diabetes (DE11) i 2021-2023, hele landet", "Patientantal (forsøgsgrundlag)");
        var rows = XlsxWorkbook.Read(ResultXlsxWriter.Write(SampleRelease.Json, "da", wording))["Definitioner"];
        var definitions = rows.Where(r => r.Length == 2 && r[0].Length > 0).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(SampleRelease.ExtractVersion, definitions["Registerudtræk"]);
        Assert.Equal("Patientantal (forsøgsgrundlag)", definitions["Produkt"]);
        Assert.Equal("Personer med type 2-diabetes (DE11) i 2021-2023, hele landet", definitions["Definition"]);
        Assert.Equal("ja", definitions["Kontrol bestået"]);
        Assert.Equal("2. januar 2026 kl. 03:04 UTC", definitions["Dannet"]);
        // The policy writes its rule in English: a Danish reader gets the note's Danish paragraphs instead.
        Assert.DoesNotContain(rows.SelectMany(r => r), text => text.StartsWith("Counts 1-4", StringComparison.Ordinal));
        Assert.DoesNotContain(rows.SelectMany(r => r), text => text.Contains("diagnoses.include", StringComparison.Ordinal) || text.Contains("patient-count", StringComparison.Ordinal));
        foreach (var table in JsonRelease.Read(SampleRelease.Json).Tables)
        {
            var suppressed = table.Cells.Count(c => c.Status == "suppressed");
            Assert.Contains(definitions.Values, v => v.StartsWith($"{suppressed} af {table.Cells.Count} celler skjult", StringComparison.Ordinal));
        }

        Assert.Contains(rows, r => r.Length == 2 && r[1].Contains("færre end 5 personer", StringComparison.Ordinal));
    }

    [Fact]
    public void No_suppressed_value_appears_anywhere()
    {
        foreach (var bytes in new[] { Workbook, EnglishWorkbook })
        {
            var texts = XlsxWorkbook.Read(bytes).Values.SelectMany(rows => rows).SelectMany(r => r).ToHashSet();
            foreach (var secret in SampleRelease.SecretValues)
            {
                Assert.DoesNotContain(secret.ToString(CultureInfo.InvariantCulture), texts);
            }
        }
    }
}
