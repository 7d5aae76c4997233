using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Disclosure.AcrossReleases;

namespace StatService.Disclosure.Tests.AcrossReleases;

/// <summary>
/// The nested differences count overlaps per inner cell and combine margins' fingerprints instead of gathering every
/// cell's persons (national releases hold millions of person entries). On random releases over few persons, with
/// additive and overlapping tables, published and hidden cells, they must blame exactly the cells that the rule written
/// with plain person sets blames.
/// </summary>
public sealed class NestedDifferencesTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.DanishDefault;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_cells_blamed_are_those_plain_person_sets_blame(int seed)
    {
        var random = new Random(seed);
        var blamed = 0;
        for (var round = 0; round < 60; round++)
        {
            var persons = random.Next(20, 90);
            var tables = new List<AuditedTable>();
            var releases = random.Next(1, 5);
            for (var r = 0; r < releases; r++)
            {
                for (var t = random.Next(1, 3); t > 0; t--)
                {
                    tables.Add(new AuditedTable(r, RandomTable(random, persons, $"e{r}-{t}")));
                }
            }

            for (var t = random.Next(1, 3); t > 0; t--)
            {
                tables.Insert(0, new AuditedTable(-1, RandomTable(random, persons, $"new-{t}")));
            }

            var withinRelease = random.Next(2) == 0;
            var expected = Reference(tables, Policy, withinRelease).Select(c => (c.Table, c.Cell)).Order().ToList();
            var actual = NestedDifferences.Find(tables, persons, Policy, withinRelease).Select(c => (c.Table, c.Cell)).Order().ToList();
            Assert.Equal(expected, actual);
            blamed += expected.Count;
        }

        // The rounds must blame something, or the comparison proves little.
        Assert.True(blamed > 10, $"only {blamed} cells blamed");
    }

    /// <summary>
    /// A table over some of the persons: 2-6 inner cells (disjoint, or overlapping for a non-additive table), a margin over
    /// each pair and a total; cells published exactly or hidden (floor 1, no ceiling).
    /// </summary>
    private static PersonTable RandomTable(Random random, int persons, string name)
    {
        var innerCount = random.Next(2, 7);
        var overlapping = random.Next(4) == 0;
        var inner = Enumerable.Range(0, innerCount).Select(_ => new List<int>()).ToArray();
        // Nested and nearly equal sets make the differences of 1-4 persons the rule is about.
        var share = random.NextDouble() * 0.8 + 0.2;
        for (var p = 0; p < persons; p++)
        {
            if (random.NextDouble() > share)
            {
                continue;
            }

            inner[random.Next(innerCount)].Add(p);
            if (overlapping && random.Next(3) == 0)
            {
                var other = random.Next(innerCount);
                if (!inner[other].Contains(p))
                {
                    inner[other].Add(p);
                }
            }
        }

        var innerArrays = inner.Select(l => l.Order().ToArray()).ToList();
        var memberSets = Enumerable.Range(0, innerCount).Select(i => new[] { i }).ToList();
        for (var i = 0; i + 1 < innerCount; i += 2)
        {
            memberSets.Add([i, i + 1]);
        }

        memberSets.Add([.. Enumerable.Range(0, innerCount)]);
        var cells = new List<PersonCell>();
        for (var c = 0; c < memberSets.Count; c++)
        {
            var count = memberSets[c].SelectMany(m => innerArrays[m]).Distinct().Count();
            cells.Add(random.Next(4) == 0 ? new PersonCell(c, memberSets[c], Math.Min(1, count), null, true) : new PersonCell(c, memberSets[c], count, count, false));
        }

        return new PersonTable(name, innerArrays, cells);
    }

    /// <summary>The rule of <see cref="NestedDifferences"/> with explicit person sets: no fingerprints, no overlap counts.</summary>
    private static List<(string Table, int Cell)> Reference(List<AuditedTable> tables, DisclosurePolicy policy, bool withinRelease)
    {
        static HashSet<int> Set(PersonTable table, PersonCell cell) => [.. cell.Members.SelectMany(m => table.Inner[m])];
        static string Key(HashSet<int> set) => string.Join(',', set.Order());

        var found = new List<(string, int)>();
        var keysOf = tables.GroupBy(t => t.Release).ToDictionary(g => g.Key, g => g.SelectMany(t => t.Table.Cells.Where(c => c.Constrains).Select(c => Key(Set(t.Table, c)))).ToHashSet());
        var earlierKnown = new Dictionary<string, (long Low, long High)>();
        foreach (var table in tables.Where(t => !t.IsNew))
        {
            foreach (var cell in table.Table.Cells.Where(c => c.Constrains))
            {
                var key = Key(Set(table.Table, cell));
                var high = cell.High ?? long.MaxValue;
                earlierKnown[key] = earlierKnown.TryGetValue(key, out var was) ? (Math.Max(was.Low, cell.Low), Math.Min(was.High, high)) : (cell.Low, high);
            }
        }

        bool KnownBefore(PersonCell cell, string key) =>
            earlierKnown.TryGetValue(key, out var k) && k.Low >= cell.Low && k.High <= (cell.High ?? long.MaxValue);

        foreach (var mine in tables.Where(t => t.IsNew))
        {
            var everyone = mine.Table.Inner.SelectMany(i => i).ToHashSet();
            var newCells = mine.Table.Cells.Where(c => c.Constrains && !c.Hidden).Select(c => (Cell: c, Set: Set(mine.Table, c))).ToList();
            foreach (var theirs in tables.Where(t => t != mine && (withinRelease || !t.IsNew)))
            {
                foreach (var earlier in theirs.Table.Cells.Where(c => c.Constrains))
                {
                    var them = Set(theirs.Table, earlier);
                    if (!them.Overlaps(everyone))
                    {
                        continue;
                    }

                    foreach (var (cell, set) in newCells)
                    {
                        var known = KnownBefore(cell, Key(set));
                        var newInside = set.IsProperSubsetOf(them);
                        var earlierInside = them.IsProperSubsetOf(set);
                        if (!newInside && !earlierInside)
                        {
                            continue;
                        }

                        var (inside, outside) = newInside ? (cell, earlier) : (earlier, cell);
                        var difference = Math.Abs(set.Count - them.Count);
                        if (difference < 1 || difference > policy.MaxSensitiveCount)
                        {
                            continue;
                        }

                        if (theirs.IsNew)
                        {
                            var theirsKnown = KnownBefore(earlier, Key(them));
                            var blamedIsMine = newInside != (newInside ? known : theirsKnown);
                            if (earlier.Hidden || (known && theirsKnown) || !blamedIsMine)
                            {
                                continue;
                            }
                        }
                        else if (known || keysOf[-1].Contains(Key(them)) || keysOf[theirs.Release].Contains(Key(set)))
                        {
                            continue;
                        }

                        if (outside.High is { } high && high - inside.Low < policy.Threshold)
                        {
                            found.Add((mine.Table.Name, cell.Cell));
                        }
                    }
                }
            }
        }

        return found;
    }
}
