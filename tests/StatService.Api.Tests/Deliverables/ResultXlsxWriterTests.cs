using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StatService.Delivery;

namespace StatService.Api.Tests.Deliverables;

public sealed class ResultXlsxWriterTests
{
    private static readonly byte[] Workbook = ResultXlsxWriter.Write(SampleRelease.Json);

    [Fact]
    public void Has_one_sheet_per_table_then_definitions()
    {
        var sheets = XlsxWorkbook.Read(Workbook);
        var tables = JsonRelease.Read(SampleRelease.Json).Tables;
        Assert.Equal(tables.Select(t => t.Name).Append(ResultXlsxWriter.DefinitionsSheet), sheets.Keys);
    }

    [Fact]
    public void Is_a_valid_open_xml_workbook()
    {
        using var stream = new MemoryStream(Workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_cell_of_every_table_equals_the_json()
    {
        var sheets = XlsxWorkbook.Read(Workbook);
        foreach (var table in JsonRelease.Read(SampleRelease.Json).Tables)
        {
            var rows = sheets[table.Name];
            var header = rows[0];
            Assert.Equal(table.Dimensions.SelectMany(d => new[] { d, $"{d}_label" }).Concat(["persons", "status"]), header);
            Assert.Equal(table.Cells.Count, rows.Count - 1);
            var byKey = rows.Skip(1).Select((row, i) => (row, i: i + 1)).ToDictionary(
                r => string.Join(";", table.Dimensions.Select((d, k) => $"{d}={r.row[2 * k]}")), r => r);
            foreach (var cell in table.Cells)
            {
                var (row, index) = byKey[table.Key(cell)];
                var valueColumn = 2 * table.Dimensions.Count;
                Assert.Equal(cell.Status, row[valueColumn + 1]);
                if (cell.Value is { } value)
                {
                    Assert.Equal(value.ToString(CultureInfo.InvariantCulture), row[valueColumn]);
                    Assert.True(XlsxWorkbook.IsNumber(Workbook, table.Name, index, valueColumn), $"{table.Key(cell)} is not a number cell");
                }
                else
                {
                    Assert.Equal("suppressed", row[valueColumn]);
                }
            }
        }
    }

    [Fact]
    public void Shows_labels_beside_codes()
    {
        var rows = XlsxWorkbook.Read(Workbook)["persons by region and year"];
        Assert.Contains(rows, r => r[0] == "1081" && r[1] == "Region Nordjylland");
        Assert.Contains(rows, r => r[0] == "total" && r[1] == "I alt");
    }

    [Fact]
    public void Definitions_name_the_cohort_the_extract_and_the_disclosure_with_its_information_loss()
    {
        var rows = XlsxWorkbook.Read(Workbook)[ResultXlsxWriter.DefinitionsSheet];
        var definitions = rows.Where(r => r.Length == 2 && r[0].Length > 0).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(SampleRelease.ExtractVersion, definitions["extract version"]);
        Assert.Equal("DE11", definitions["diagnoses.include"]);
        Assert.Equal("2021-01-01", definitions["period.from"]);
        Assert.Equal("danish-default", definitions["policy"]);
        Assert.Equal("yes", definitions["audit passed"]);
        foreach (var table in JsonRelease.Read(SampleRelease.Json).Tables)
        {
            var suppressed = table.Cells.Count(c => c.Status == "suppressed");
            Assert.StartsWith($"{suppressed} of {table.Cells.Count} cells suppressed", definitions[$"information loss: {table.Name}"]);
        }

        Assert.Contains(rows, r => r.Length == 2 && r[1].Contains("fewer than 5 people", StringComparison.Ordinal));
    }

    [Fact]
    public void No_suppressed_value_appears_anywhere()
    {
        var texts = XlsxWorkbook.Read(Workbook).Values.SelectMany(rows => rows).SelectMany(r => r).ToHashSet();
        foreach (var secret in SampleRelease.SecretValues)
        {
            Assert.DoesNotContain(secret.ToString(CultureInfo.InvariantCulture), texts);
        }
    }
}
