using System.Globalization;
using System.Text.Json;
using StatService.TestSupport.Attacks;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Each known way of disclosing a small group with orders that differ a little, sent over HTTP to the real service (a
/// fresh host and data folder per class), judged by an attacker that shares no code with the service: it holds every
/// delivered release and the raw registers and must find no group of 1-4 persons pinned or provably below 5.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class CrossReleaseAttackTests(AttackExtract extract, ITestOutputHelper output)
{
    /// <summary>
    /// The classes the ledger is shown to withstand. Not yet: second-inclusion-code (no pair found on this extract) and
    /// index-date-moved (the recomputation disagrees with the service on two-letter prefixes).
    /// </summary>
    public static TheoryData<string> Classes() => new(AttackClasses.Names);

    public static TheoryData<string> PostgresClasses() => new("diagnosis-exclusion", "period-end-moved", "first-ever-next-to-any");

    [Theory]
    [MemberData(nameof(Classes))]
    public Task Orders_of_one_attack_class_disclose_no_small_group(string attackClass) => AttackAsync(attackClass, "sqlite");

    [Theory]
    [MemberData(nameof(PostgresClasses))]
    public Task Orders_of_one_attack_class_disclose_no_small_group_on_postgresql(string attackClass) => AttackAsync(attackClass, "postgresql");

    [Fact]
    public async Task Ordering_the_complement_of_a_row_with_two_hidden_cells_discloses_no_small_group()
    {
        await using var service = await AttackService.StartAsync(extract.Directory, "sqlite");
        var first = await service.RunAsync(AttackOrder.PatientCount(["DE11"], breakdown: ["region", "sex", "ageband"]));
        Assert.Equal("delivered", first.Status);
        var complement = ComplementOfARow(first.Release!.Value);
        Assert.True(complement is not null, "The first release has no row with exactly two hidden cells, one of them 5 or more: the extract does not offer this attack.");
        output.WriteLine($"complement ordered: {complement}");
        var outcomes = new List<OrderOutcome> { first, await service.RunAsync(complement) };

        AttackVerdict.AssertNoDisclosure("complement-of-a-row", outcomes, extract, output);
    }

    private async Task AttackAsync(string attackClass, string provider)
    {
        var orders = new AttackClasses(extract.Rows).Orders(attackClass);
        Assert.True(orders.Count > 0, $"The extract offers no pair of orders of the class {attackClass} that differ by 1-4 persons.");
        foreach (var order in orders)
        {
            output.WriteLine($"order: {order}");
        }

        await using var service = await AttackService.StartAsync(extract.Directory, provider);
        AttackVerdict.AssertNoDisclosure(attackClass, await service.RunAsync(orders), extract, output);
    }

    /// <summary>
    /// A row of region x sex x age band (one dimension varying, the others fixed at inner codes) with exactly two hidden
    /// cells, one of 5 or more persons: that cell's definition alone, as a patient-count with no breakdown.
    /// </summary>
    private AttackOrder? ComplementOfARow(JsonElement release)
    {
        var read = ReleaseReading.Read(release, extract.Rows, extract.ChapterOf);
        string[] dims = ["region", "sex", "ageband"];
        foreach (var varying in dims)
        {
            var rows = read.Cells.Where(c => c.Coordinates[varying] != "total" && dims.Where(d => d != varying).All(d => c.Coordinates[d] != "total"))
                .GroupBy(c => string.Join("|", dims.Where(d => d != varying).Select(d => c.Coordinates[d])));
            foreach (var row in rows)
            {
                var hidden = row.Where(c => c.Hidden).ToArray();
                if (hidden.Length != 2 || hidden.All(c => c.Persons.Count < 5) || hidden.All(c => c.Persons.Count >= 5))
                {
                    continue;
                }

                var cell = hidden.Single(c => c.Persons.Count >= 5);
                var band = cell.Coordinates["ageband"];
                var low = Math.Max(18, int.Parse(band.TrimEnd('+').Split('-')[0], CultureInfo.InvariantCulture));
                int? high = band.EndsWith('+') ? null : int.Parse(band.Split('-')[1], CultureInfo.InvariantCulture);
                return AttackOrder.PatientCount(["DE11"], ageMin: low, ageMax: high, sex: cell.Coordinates["sex"], regions: [cell.Coordinates["region"]]);
            }
        }

        return null;
    }
}
