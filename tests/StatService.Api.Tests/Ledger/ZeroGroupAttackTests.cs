using StatService.TestSupport.Attacks;
using StatService.TestSupport.Cohorts;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Group attribute disclosure through zeros, over HTTP on the real service: a rare diagnosis (1-4 patients), then "the
/// same, excluding a diagnosis every one of them has" by sex. Published zeros there would say that all of those few
/// patients have the excluded disease. The attacker shares no code with the service: for every published zero it takes
/// the same cell with the order's exclusions lifted, recomputes its persons from the raw registers, and reports the
/// zero when they are 1-4. It is first shown to find the zeros a service publishing every zero would leak.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class ZeroGroupAttackTests(AttackExtract extract, ITestOutputHelper output)
{
    [Fact]
    public async Task A_rare_diagnosis_next_to_the_same_without_what_all_its_patients_share_publishes_no_telling_zero()
    {
        var (rare, shared, region) = RareDiagnosisAndWhatAllItsPatientsHave();
        output.WriteLine($"rare {rare} in region {region}, shared {shared}");
        var whole = AttackOrder.PatientCount([rare], ageMin: null, regions: [region]);
        var without = AttackOrder.PatientCount([rare], diagnosesExcluded: [shared], ageMin: null, regions: [region], breakdown: ["sex"]);

        // Negative control: published as counted (every zero shown), the second order tells on its patients.
        var unprotected = Unprotected(without);
        Assert.NotEmpty(TellingZeros(unprotected, without));

        await using var service = await AttackService.StartAsync(extract.Directory, "sqlite");
        var outcomes = await service.RunAsync([whole, without]);
        Assert.All(outcomes, o => Assert.Equal("delivered", o.Status));
        var release = ReleaseReading.Read(outcomes[1].Release!.Value, extract.Rows, extract.ChapterOf);
        Assert.Empty(release.Mismatches);

        var telling = TellingZeros(release.Cells, without);
        Assert.True(telling.Count == 0, $"published zeros inside a group of 1-4: {string.Join("; ", telling.Select(c => c.Describe()))}");
        // the joint audit of both releases still holds
        AttackVerdict.AssertNoDisclosure("zero-group", outcomes, extract, output);
    }

    /// <summary>Published zeros whose cell, with the order's exclusions lifted, counts 1-4 persons.</summary>
    private List<ReleaseCell> TellingZeros(IEnumerable<ReleaseCell> cells, AttackOrder order)
    {
        var lifted = order.Spec with { Diagnoses = order.Spec.Diagnoses with { Exclude = [] } };
        var members = IndependentCohort.Members(extract.Rows, lifted);
        return [.. cells.Where(c => !c.Hidden && c.Published == 0 && members.Count(m => Covers(c, m)) is >= 1 and <= 4)];
    }

    private static bool Covers(ReleaseCell cell, CohortMember member) =>
        !cell.Coordinates.TryGetValue("sex", out var sex) || sex == "total" || sex == member.Sex;

    /// <summary>The order's cells as a service publishing every count would show them.</summary>
    private List<ReleaseCell> Unprotected(AttackOrder order)
    {
        var members = IndependentCohort.Members(extract.Rows, order.Spec);
        return [.. new[] { "total", "male", "female" }.Select(sex =>
        {
            var persons = members.Where(m => sex == "total" || m.Sex == sex).Select(m => m.Person.Pnr).ToHashSet(StringComparer.Ordinal);
            return new ReleaseCell("unprotected", "patient-count", new Dictionary<string, string> { ["sex"] = sex }, false, persons.Count, persons.Count, persons.Count, persons);
        })];
    }

    /// <summary>
    /// A diagnosis prefix whose patient-count in one region (no age limit) is 1-4 persons, and another prefix (not inside
    /// it) that every one of them has in the period: the order excluding it counts nobody. Searched in the raw registers.
    /// </summary>
    private (string Rare, string Shared, string Region) RareDiagnosisAndWhatAllItsPatientsHave()
    {
        var rows = extract.Rows;
        var byPrefix = rows.Diagnoses.Where(d => d.Code.Length >= 5).SelectMany(d => new[] { d.Code[..4], d.Code[..5] }.Select(p => (Prefix: p, d.ContactId)))
            .GroupBy(d => d.Prefix)
            .Select(g => (Code: g.Key, Persons: g.Select(d => rows.Contacts[d.ContactId].Pnr).Distinct().Count()))
            .OrderBy(g => g.Persons).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        foreach (var (rare, region) in byPrefix.Where(g => g.Persons is >= 1 and <= 60)
            .SelectMany(g => new[] { "1081", "1082", "1083", "1084", "1085" }.Select(r => (g.Code, r))))
        {
            var order = AttackOrder.PatientCount([rare], ageMin: null, regions: [region]);
            var patients = IndependentCohort.Members(rows, order.Spec);
            if (patients.Count is < 1 or > 4)
            {
                continue;
            }

            var pnrs = patients.Select(m => m.Person.Pnr).ToHashSet(StringComparer.Ordinal);
            var theirs = rows.Diagnoses.Where(d => pnrs.Contains(rows.Contacts[d.ContactId].Pnr) && d.Code.Length >= 4)
                .Select(d => d.Code[..4]).Where(c => !c.StartsWith(rare[..4], StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);
            foreach (var shared in theirs)
            {
                var without = AttackOrder.PatientCount([rare], diagnosesExcluded: [shared], ageMin: null, regions: [region]);
                if (IndependentCohort.Members(rows, without.Spec).Count == 0)
                {
                    return (rare, shared, region);
                }
            }
        }

        Assert.Fail("The extract has no rare diagnosis whose patients all share another one: it does not offer this attack.");
        return default;
    }
}
