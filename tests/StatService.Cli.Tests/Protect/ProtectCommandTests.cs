using System.Text;
using System.Text.Json;
using StatService.Cli.Tests.ManualTables;

namespace StatService.Cli.Tests.Protect;

public class ProtectCommandTests
{
    /// <summary>Worked example 1 with its margins, keyed "region/sex".</summary>
    private static readonly Dictionary<string, long> RegionBySexTruth = new()
    {
        ["total/total"] = 100, ["total/male"] = 55, ["total/female"] = 45,
        ["A/total"] = 20, ["A/male"] = 18, ["A/female"] = 2,
        ["B/total"] = 33, ["B/male"] = 14, ["B/female"] = 19,
        ["C/total"] = 22, ["C/male"] = 12, ["C/female"] = 10,
        ["D/total"] = 25, ["D/male"] = 11, ["D/female"] = 14,
    };

    [Fact]
    public async Task Worked_example_one_hides_A_female_and_publishes_only_true_values()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);

        var outcome = await ProtectInvocation.RunAsync("--input", input, "--max-sensitive", "2", "--output", folder.File("result.json"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Error);
        Assert.Contains("15 cells, 1 primary", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("audit passed", outcome.Output, StringComparison.Ordinal);

        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(folder.File("result.json")));
        var root = result.RootElement;
        Assert.Equal("protect", root.GetProperty("product").GetString());
        Assert.Equal("manual", root.GetProperty("extractVersion").GetString());
        Assert.Equal("count", root.GetProperty("measure").GetString());
        Assert.Equal("table.csv", root.GetProperty("parameters").GetProperty("input").GetString());
        Assert.Equal(2, root.GetProperty("parameters").GetProperty("maxSensitive").GetInt32());
        // The published result format keeps auditPassed: always true, as a release whose audit fails is never written.
        Assert.True(root.GetProperty("disclosure").GetProperty("auditPassed").GetBoolean());

        var cells = Assert.Single(root.GetProperty("tables").EnumerateArray()).GetProperty("cells").EnumerateArray()
            .ToDictionary(
                c => $"{c.GetProperty("coordinates").GetProperty("region").GetString()}/{c.GetProperty("coordinates").GetProperty("sex").GetString()}",
                c => (Status: c.GetProperty("status").GetString(), Value: c.GetProperty("value").ValueKind == JsonValueKind.Null ? (long?)null : c.GetProperty("value").GetInt64()));
        Assert.Equal(RegionBySexTruth.Keys.Order(), cells.Keys.Order());
        Assert.Equal(("suppressed", null), cells["A/female"]);
        foreach (var (key, cell) in cells.Where(c => c.Value.Status == "published"))
        {
            Assert.Equal(RegionBySexTruth[key], cell.Value);
        }

        var hidden = cells.Where(c => c.Value.Status == "suppressed").Select(c => c.Key.Split('/')).ToArray();
        Assert.Equal(root.GetProperty("disclosure").GetProperty("suppressedCells").GetInt32(), hidden.Length);
        LoneSuppressions.AssertNone(Tables.Read(Tables.RegionBySex), hidden);
    }

    [Fact]
    public async Task Hierarchical_table_is_protected_at_every_level_and_written_as_csv()
    {
        using var folder = new TemporaryDirectory();
        var hierarchy = folder.Write("municipalities.csv", Tables.Municipalities);
        var input = folder.Write("table.csv",
            "municipality,sex,count\n" +
            "101,male,40\n101,female,38\n147,male,3\n147,female,29\n151,male,17\n151,female,22\n" +
            "751,male,25\n751,female,2\n727,male,17\n727,female,31\n741,male,12\n");
        var truth = Tables.Read(File.ReadAllText(input), Tables.MunicipalityHierarchy());

        var outcome = await ProtectInvocation.RunAsync("--input", input, "--hierarchy", $"municipality={hierarchy}", "--output", folder.File("result.csv"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("27 cells", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("audit passed", outcome.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(folder.File("result.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,municipality,municipality_label,sex,sex_label,value,status", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        Assert.Equal(27, rows.Length);
        Assert.Equal(["total", "1084", "101", "147", "151", "1082", "751", "727", "741"], rows.Select(r => r[1]).Distinct());
        Assert.Contains(rows, r => r[1] == "1084" && r[2] == "Region Hovedstaden");
        Assert.Contains(rows, r => r[1] == "total" && r[2] == "I alt");

        foreach (var row in rows)
        {
            var value = Tables.Value(truth, row[1], row[3]);
            if (value is >= 1 and <= 4)
            {
                Assert.True(row[6] == "suppressed", $"{row[1]}/{row[3]} = {value} is published");
            }

            if (row[6] == "published")
            {
                Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), row[5]);
            }
            else
            {
                Assert.Equal(string.Empty, row[5]);
            }
        }

        // Region totals are margins too: a lone suppression under one would be its difference.
        LoneSuppressions.AssertNone(truth, rows.Where(r => r[6] == "suppressed").Select(r => new[] { r[1], r[3] }));
    }

    [Fact]
    public async Task Bad_input_exits_with_2_and_one_line_naming_file_line_and_column()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", "region,sex,count\nA,male,18\nA,female,-2\n");

        var outcome = await ProtectInvocation.RunAsync("--input", input, "--output", folder.File("result.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("protect: table.csv line 3, column 3 (count): the count -2 is negative.", outcome.Error.TrimEnd());
        Assert.Equal(string.Empty, outcome.Output);
        Assert.False(File.Exists(folder.File("result.json")), "nothing is written for bad input");
    }

    [Theory]
    [InlineData("--policy", "strict", "unknown policy 'strict'")]
    [InlineData("--max-sensitive", "0", "--max-sensitive must be at least 1")]
    [InlineData("--hierarchy", "municipality", "must be name=file")]
    [InlineData("--hierarchy", "region=missing.csv", "missing.csv: no such file")]
    public async Task Bad_options_exit_with_2_and_one_line(string option, string value, string message)
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);

        var outcome = await ProtectInvocation.RunAsync("--input", input, option, value, "--output", folder.File("result.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_and_unknown_output_format_exit_with_2()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("table.csv", Tables.RegionBySex);

        var missing = await ProtectInvocation.RunAsync("--input", folder.File("nothere.csv"), "--output", folder.File("result.json"));
        var format = await ProtectInvocation.RunAsync("--input", folder.File("table.csv"), "--output", folder.File("result.xlsx"));

        Assert.Equal((2, "protect: nothere.csv: no such file."), (missing.ExitCode, missing.Error.TrimEnd()));
        Assert.Equal((2, "protect: --output result.xlsx must end in .json or .csv."), (format.ExitCode, format.Error.TrimEnd()));
    }
}
