using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// Sums of overlapping parts of one quantity (<see cref="MeasureContext.Overlap"/>: DDD of a period next to DDD of the
/// period a day shorter, or of a medicine group next to a medicine in it) over shared contributors. Subtracted, they give
/// the sum of what lies in one and not the other, often over a few persons; the ledger keeps each release's values for
/// its own quantity only, so it cannot bound that difference, and a release that meets such an earlier one is refused
/// rather than checked in part. Sums of one quantity are audited by <see cref="MagnitudeAudit"/>; disjoint periods or
/// medicines are other quantities and add nothing to each other.
/// </summary>
internal static class OverlappingSums
{
    /// <summary>Whether a magnitude table of <paramref name="candidate"/> shares a contributor with an earlier table of an overlapping quantity.</summary>
    public static bool Meet(ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier)
    {
        foreach (var mine in candidate.Tables.Where(t => t.IsMagnitude).GroupBy(t => t.Context, StringComparer.Ordinal))
        {
            var contributors = mine.SelectMany(t => t.Inner).SelectMany(cell => cell).Distinct().ToList();
            if (Meeting(contributors, earlier).Any(theirs => MeasureContext.Overlap(mine.Key, theirs.Context)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The earlier tables that count any of <paramref name="persons"/>: through the ledger's person index when it has one, as the joint audit reads it.</summary>
    private static IEnumerable<PersonTable> Meeting(IReadOnlyList<int> persons, IReadOnlyList<RecordedRelease> earlier)
    {
        if (earlier is IPersonTableIndex index)
        {
            return index.TablesCounting(persons).Select(found => index[found.Release].Persons.Tables[found.Table]);
        }

        var wanted = persons.ToHashSet();
        return earlier.SelectMany(r => r.Persons.Tables).Where(t => t.IsMagnitude && t.Inner.Any(cell => cell.Any(wanted.Contains)));
    }
}
