namespace StatService.Core.Ledger;

/// <summary>
/// Whom one published cell counts, in canonical form: the criteria that can nest (sexes, ages, regions: the order's
/// filters narrowed by the cell's codes, a margin keeping the whole filter) and a hash of everything else
/// (<see cref="Context"/>: the product table's kind of persons, the cohort's codes, period, occurrence, index date,
/// residence, the cell's other codes). Two cells can only be compared when their contexts are equal; one lies inside
/// the other when each nesting criterion does.
/// </summary>
public sealed record PersonSet(string Context, CodeSet Sexes, AgeSpan Ages, CodeSet Regions)
{
    /// <summary>No person can meet the definition (a cell of a region the order's filter leaves out, say).</summary>
    public bool IsEmpty => Sexes.IsEmpty || Ages.IsEmpty || Regions.IsEmpty;

    /// <summary>Every person of this set is in <paramref name="other"/>.</summary>
    public bool IsWithin(PersonSet other) =>
        Context == other.Context && Sexes.IsSubsetOf(other.Sexes) && Ages.IsWithin(other.Ages) && Regions.IsSubsetOf(other.Regions);

    public override string ToString() => $"{Context} sex={Sexes} age={Ages} region={Regions}";
}
