namespace StatService.Core.Ledger;

/// <summary>
/// The distinct persons of a union of person lists (a cell made of inner cells that may share persons), found with one
/// mark per person place instead of a set per union: the scratch array is allocated once and reused by every union, and
/// each union costs one pass over its entries (a national release's margins hold millions of them).
/// </summary>
public sealed class DistinctPersons(int places)
{
    private readonly int[] _seen = new int[places];
    private int _mark;

    /// <summary>Persons counted once however many of <paramref name="parts"/> hold them.</summary>
    public long Count(IEnumerable<int[]> parts) => FirstSightings(parts).LongCount();

    /// <summary>The union's persons, each once, in the order first met.</summary>
    public List<int> Gather(IEnumerable<int[]> parts) => [.. FirstSightings(parts)];

    /// <summary>Whether no person is in two of <paramref name="parts"/>: every union of them is then the sum of its parts.</summary>
    public bool Disjoint(IReadOnlyList<int[]> parts) => parts.Sum(p => (long)p.Length) == Count(parts);

    private IEnumerable<int> FirstSightings(IEnumerable<int[]> parts)
    {
        var mark = ++_mark;
        foreach (var part in parts)
        {
            foreach (var p in part)
            {
                if (_seen[p] != mark)
                {
                    _seen[p] = mark;
                    yield return p;
                }
            }
        }
    }
}
