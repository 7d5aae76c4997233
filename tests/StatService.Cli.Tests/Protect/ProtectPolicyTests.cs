using System.Text.Json;
using StatService.Cli.Tests.ManualTables;

namespace StatService.Cli.Tests.Protect;

/// <summary><c>statservice protect --policy name|file.json</c>: the methods and the information-loss report.</summary>
public class ProtectPolicyTests
{
    [Fact]
    public async Task Rounding_policy_redacts_rounds_and_writes_the_loss_report_beside_the_csv()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);
        var truth = Tables.Read(Tables.RegionBySex);

        var outcome = await ProtectInvocation.RunAsync("--input", input, "--policy", "opensafely-rounding", "--output", folder.File("result.csv"));

        Assert.Equal((0, string.Empty), (outcome.ExitCode, outcome.Error));
        Assert.Contains("(rounding)", outcome.Output, StringComparison.Ordinal);
        var rows = (await File.ReadAllTextAsync(folder.File("result.csv"))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(l => l.Split(',')).ToArray();
        Assert.Equal(truth.CellCount, rows.Length);
        long publishedInner = 0;
        foreach (var row in rows.Where(r => r[1] != "total" && r[3] != "total"))
        {
            var value = Tables.Value(truth, row[1], row[3]);
            if (value <= 7)
            {
                Assert.Equal(("", "suppressed"), (row[5], row[6]));
            }
            else
            {
                // Nearest multiple of 5, computed here independently.
                Assert.Equal(5 * (long)Math.Round(value / 5.0, MidpointRounding.AwayFromZero), long.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture));
                publishedInner += long.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.Equal(publishedInner.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Single(r => r[1] == "total" && r[3] == "total")[5]);

        var loss = (await File.ReadAllTextAsync(folder.File("result.loss.csv"))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scope,table,method,cells,cells_suppressed,share_of_cells_suppressed,cells_rounded,cells_perturbed,share_of_total_hidden", loss[0]);
        var redacted = rows.Count(r => r[6] == "suppressed");
        var rounded = rows.Count(r => r[6] == "published" && r[5] != Tables.Value(truth, r[1], r[3]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var share = Math.Round((double)redacted / 15, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"table,table,rounding,15,{redacted},{share},{rounded},0,", loss[1]);
        Assert.Equal($"release,,rounding,15,{redacted},{share},{rounded},0,", loss[2]);
    }

    [Fact]
    public async Task A_policy_file_overrides_the_named_policy_field_by_field()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);
        var policy = folder.Write("strict.json", """{ "policy": "danish-default", "maxSensitiveCount": 2, "solverTimeLimitSeconds": 5 }""");

        var outcome = await ProtectInvocation.RunAsync("--input", input, "--policy", policy, "--output", folder.File("result.json"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("15 cells, 1 primary", outcome.Output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(folder.File("result.json")));
        var disclosure = result.RootElement.GetProperty("disclosure");
        Assert.Equal("suppression", disclosure.GetProperty("method").GetString());
        Assert.False(disclosure.TryGetProperty("primarySuppressions", out _), "which hidden cells are small is not told, not even as a count");
        Assert.Equal(2, result.RootElement.GetProperty("parameters").GetProperty("maxSensitive").GetInt32());

        // The share of the grand total hidden, recomputed from the delivered cells: what the published total implies.
        var cells = result.RootElement.GetProperty("tables")[0].GetProperty("cells").EnumerateArray().ToArray();
        var truth = Tables.Read(Tables.RegionBySex);
        var hidden = cells.Where(c => c.GetProperty("status").GetString() == "suppressed")
            .Select(c => (Region: c.GetProperty("coordinates").GetProperty("region").GetString()!, Sex: c.GetProperty("coordinates").GetProperty("sex").GetString()!))
            .Where(c => c.Region != "total" && c.Sex != "total")
            .Sum(c => Tables.Value(truth, c.Region, c.Sex));
        Assert.Equal(Math.Round(hidden / 100.0, 6), disclosure.GetProperty("informationLoss").GetProperty("shareOfTotalHidden").GetDouble());
        Assert.Contains($"{hidden / 100.0 * 100:0.0} % of the grand total hidden", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "maxSensitiveCount": -1 }""", "protect: bad.json: 'maxSensitiveCount' must be a whole number from 1 to 1000000, not -1.")]
    [InlineData("""{ "policy": "danish-default", "colour": "red" }""", "protect: bad.json: 'colour' is not a policy field; known: policy, maxSensitiveCount")]
    public async Task A_bad_policy_file_exits_with_2_naming_the_file_and_field(string json, string message)
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);
        var policy = folder.Write("bad.json", json);

        var outcome = await ProtectInvocation.RunAsync("--input", input, "--policy", policy, "--output", folder.File("result.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith(message, outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("result.json")));
    }

    [Fact]
    public async Task Cell_key_needs_record_keys_that_a_hand_made_table_does_not_have()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);

        var named = await ProtectInvocation.RunAsync("--input", input, "--policy", "cell-key", "--output", folder.File("result.json"));
        var missing = await ProtectInvocation.RunAsync("--input", input, "--policy", folder.File("nothere.json"), "--output", folder.File("result.json"));

        Assert.Equal(2, named.ExitCode);
        Assert.Contains("needs each person's record key", named.Error, StringComparison.Ordinal);
        Assert.Equal((2, "protect: nothere.json: no such file."), (missing.ExitCode, missing.Error.TrimEnd()));
    }
}
