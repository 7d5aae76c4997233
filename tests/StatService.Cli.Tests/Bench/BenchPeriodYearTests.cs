using System.Text.RegularExpressions;

namespace StatService.Cli.Tests.Bench;

/// <summary>
/// <c>bench order --period-year</c> moves every product's example into an extract whose coverage does not include the
/// example's years (a national extract of 2021-2023 against examples that ask for 2019), so every product is measured.
/// </summary>
public sealed partial class BenchPeriodYearTests : IClassFixture<BenchPeriodYearTests.RecentExtract>
{
    private readonly RecentExtract _extract;

    public BenchPeriodYearTests(RecentExtract extract) => _extract = extract;

    [Fact]
    public async Task Every_products_example_is_moved_into_the_coverage_and_runs()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(
            "bench", "order", "--extract", _extract.Folder, "--all-products", "--period-year", "2023", "--runs", "0", "--query-only");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}\n{output}");
        Assert.DoesNotContain("skipped", output, StringComparison.Ordinal);
        var periods = ProductPeriod().Matches(output);
        Assert.Equal(["custom-table", "group-profile", "incidence-prevalence", "patient-count"], periods.Select(m => m.Groups["product"].Value).Order(StringComparer.Ordinal));
        foreach (Match period in periods)
        {
            Assert.Equal("2023-12-31", period.Groups["to"].Value);
            Assert.True(string.CompareOrdinal(period.Groups["from"].Value, "2021-01-01") >= 0, period.Value);
        }

        // group-profile's example asks for 2019-2021, indexed at its end: moved two years whole
        Assert.Contains("product group-profile: period 2021-01-01..2023-12-31, index date 2023-12-31", output, StringComparison.Ordinal);
        // incidence-prevalence's asks for 2020-2023: its start is clipped to the coverage
        Assert.Contains("product incidence-prevalence: period 2021-01-01..2023-12-31", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_outside_the_coverage_is_refused_naming_the_option()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(
            "bench", "order", "--extract", _extract.Folder, "--product", "patient-count", "--period-year", "2025", "--runs", "0", "--query-only");

        Assert.True(exitCode == 2, $"exit code {exitCode}: {error}");
        Assert.Contains("--period-year 2025", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"product (?<product>[a-z-]+): period (?<from>\d{4}-\d{2}-\d{2})\.\.(?<to>\d{4}-\d{2}-\d{2})")]
    private static partial Regex ProductPeriod();

    /// <summary>A small synthetic extract covering 2021-2023, like the national one.</summary>
    public sealed class RecentExtract() : SmallSyntheticExtract("cli-bench", seed: 3, fromYear: 2021);
}
