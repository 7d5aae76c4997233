using StatService.Core.OrderSpec;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// The patient-count definition in plain C# (see <see cref="IndependentCohort"/>): cohort members
/// counted per (region, sex, ageband).
/// </summary>
public static class IndependentCohortCount
{
    /// <summary>Counts keyed by (region, sex, ageband); margins are left to the caller.</summary>
    public static Dictionary<(string Region, string Sex, string AgeBand), long> Count(RegisterRows rows, CohortParameters p) =>
        IndependentCohort.Members(rows, p.ToSpec())
            .GroupBy(m => (m.Region, m.Sex, m.AgeBand))
            .ToDictionary(g => g.Key, g => (long)g.Count());

    public static int AgeAt(DateOnly birth, DateOnly date) => TestSupport.Cohorts.IndependentCohort.AgeAt(birth, date);
}
