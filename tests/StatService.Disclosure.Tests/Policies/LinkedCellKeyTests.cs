using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests.Policies;

/// <summary>
/// Cell-key perturbation of linked tables (one link group: the same persons, e.g. a cohort by age x sex and by region)
/// and of a non-additive table: cells the linked tables share are published once with one noise, and a release whose
/// linked tables give a shared cell different keys is refused.
/// </summary>
public sealed class LinkedCellKeyTests
{
    private static readonly DisclosurePolicy CellKey = DisclosurePolicyJson.Named["cell-key"];

    [Fact]
    public void Linked_tables_publish_their_shared_total_with_one_noise()
    {
        // Several cohorts, so that some grand total gets noise and the equality below is not the trivial one.
        var noisy = 0;
        for (var seed = 10; seed < 20; seed++)
        {
            var persons = Persons.Random(seed, 300 + seed);
            var release = new ReleaseProtection().Protect(
                [Linked(Persons.Table("age-sex", persons, ("ageband", p => p.AgeBand), ("sex", p => p.Sex))),
                 Linked(Persons.Table("region", persons, ("region", p => p.Region)))],
                CellKey);

            Assert.Equal(release.Tables[0].PublishedValue(0), release.Tables[1].PublishedValue(0));
            noisy += release.Tables[0].PublishedValue(0) != persons.Length ? 1 : 0;
        }

        Assert.True(noisy > 0, "No grand total got noise in ten cohorts.");
    }

    [Fact]
    public void Linked_tables_whose_shared_total_has_different_keys_are_refused()
    {
        var persons = Persons.Random(4, 500);
        var ageSex = Linked(Persons.Table("age-sex", persons, ("ageband", p => p.AgeBand), ("sex", p => p.Sex)));
        var region = Linked(Persons.Table("region", persons, ("region", p => p.Region)));
        // The same count, but the key of other persons (e.g. a query that summed a person's key twice).
        var keys = region.CellKeys!.ToArray();
        keys[0] = CellKeySum.Add(keys[0], Persons.Keys.KeyOf(persons[0].Pseudonym));
        var wrong = new CountTable(region.Name, region.Dimensions, region.Values) { LinkGroup = region.LinkGroup, CellKeys = keys };

        new ReleaseProtection().Protect([ageSex, region], CellKey);
        var error = Assert.Throws<DisclosureException>(() => new ReleaseProtection().Protect([ageSex, wrong], CellKey));
        Assert.Contains("Linked tables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_additive_table_is_perturbed_with_the_keys_of_its_distinct_persons()
    {
        // Persons in one or two groups; the total counts each person once and sums each key once.
        var persons = Persons.Random(5, 400);
        var groups = new[] { "A", "B", "C" };
        var memberships = persons.SelectMany((p, i) => i % 3 == 0 ? [(p, "A"), (p, "B")] : new[] { (p, groups[i % groups.Length]) }).ToArray();
        var dimension = PolicyTables.Flat("group", groups);
        var values = new long[dimension.Count];
        var sums = new ulong[dimension.Count];
        foreach (var (person, group) in memberships)
        {
            values[dimension.IndexOf(group)]++;
            sums[dimension.IndexOf(group)] += Persons.Keys.WholeKeyOf(person.Pseudonym);
        }

        values[0] = persons.Length;
        sums[0] = persons.Aggregate(0UL, (s, p) => s + Persons.Keys.WholeKeyOf(p.Pseudonym));
        var table = new CountTable("groups", [dimension], values) { Additive = false, CellKeys = sums.Select(CellKeySum.ToKey).ToArray() };

        var released = Assert.Single(new ReleaseProtection().Protect([table], CellKey).Tables);

        // The total is the one a table of the same persons by region shows: same persons, same key, same noise.
        var byRegion = Assert.Single(new ReleaseProtection().Protect([Persons.Table("region", persons, ("region", p => p.Region))], CellKey).Tables);
        Assert.Equal(byRegion.PublishedValue(0), released.PublishedValue(0));
        Assert.True(values.Skip(1).Sum() > values[0], "The groups should overlap.");
    }

    private static CountTable Linked(CountTable table) =>
        new(table.Name, table.Dimensions, table.Values) { LinkGroup = "cohort", CellKeys = table.CellKeys };
}
