using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Disclosure.AcrossReleases;

namespace StatService.Disclosure.Tests.AcrossReleases;

/// <summary>
/// The part of the ledger a joint audit reads: grown from the persons through the ledger's person index, it must hold
/// exactly the tables the scan of every earlier table finds, so the audit sees the same releases either way.
/// </summary>
public sealed class JointComponentTests
{
    [Theory]
    [InlineData(1, 300, 2_000)]
    [InlineData(2, 300, 20_000)]
    [InlineData(3, 120, 400)]
    public void The_tables_selected_through_the_index_are_those_the_scan_selects(int seed, int releases, int persons)
    {
        var random = new Random(seed);
        var history = new ReleaseHistory();
        var recorded = Enumerable.Range(0, releases).Select(_ => new RecordedRelease(Guid.NewGuid(), RandomRelease(random, persons))).ToList();
        for (var i = 0; i < recorded.Count; i++)
        {
            history.Append(i + 1, recorded[i]);
        }

        var sizes = new List<int>();
        for (var round = 0; round < 40; round++)
        {
            var candidate = RandomRelease(random, persons);
            var excluded = round % 4 == 0 ? recorded[random.Next(recorded.Count)].OrderId : Guid.NewGuid();
            var indexed = history.View(excluded);

            var context = round % 3 == 0 ? Sums : string.Empty;
            var viaIndex = JointComponent.Select(candidate, indexed, context, out var indexedCount);
            var viaScan = JointComponent.Select(candidate, [.. indexed], context, out var scannedCount);

            Assert.Equal(viaScan.Select(t => (t.Release, t.Table)), viaIndex.Select(t => (t.Release, t.Table)));
            Assert.All(viaIndex.Where(t => !t.IsNew), t => Assert.Equal(context, t.Table.Context));
            Assert.True(indexedCount > viaIndex.SelectMany(t => t.Table.Inner).SelectMany(p => p).DefaultIfEmpty(-1).Max());
            Assert.True(indexedCount <= scannedCount);
            sizes.Add(viaIndex.Count - candidate.Tables.Count);
        }

        // The cases must include parts of every size, not only none or all of the ledger.
        Assert.Contains(sizes, s => s > 0 && s < recorded.Sum(r => r.Persons.Tables.Count) / 2);
    }

    [Fact]
    public void The_audit_finds_the_same_through_the_index_as_through_the_scan()
    {
        var audit = new JointReleaseAudit();
        var random = new Random(11);
        var history = new ReleaseHistory();
        var a = Enumerable.Range(0, 400).ToArray();
        history.Append(1, new RecordedRelease(Guid.NewGuid(), Published("a", a)));
        for (var i = 0; i < 50; i++)
        {
            history.Append(i + 2, new RecordedRelease(Guid.NewGuid(), RandomRelease(random, 5_000, from: 300)));
        }

        // The exclusion example: the new count differs from an earlier one by two persons.
        var candidate = Published("b", [.. a.Where(p => p is not (10 or 20))]);
        var viaIndex = audit.Audit(candidate, history.View(Guid.Empty), DisclosurePolicy.DanishDefault, CancellationToken.None);
        var viaScan = audit.Audit(candidate, [.. history.View(Guid.Empty)], DisclosurePolicy.DanishDefault, CancellationToken.None);

        Assert.True(viaIndex.Disclosures >= 1 && viaIndex.ComparedReleases >= 1);
        Assert.Equal((viaScan.Disclosures, viaScan.ComparedReleases, viaScan.Work), (viaIndex.Disclosures, viaIndex.ComparedReleases, viaIndex.Work));
        Assert.Equal(viaScan.ToHide, viaIndex.ToHide);
    }

    [Fact]
    public void The_audit_reads_the_ledger_through_its_person_index()
    {
        var history = new ReleaseHistory();
        var random = new Random(5);
        for (var i = 0; i < 50; i++)
        {
            history.Append(i + 1, new RecordedRelease(Guid.NewGuid(), RandomRelease(random, 5_000)));
        }

        var counting = new CountingIndex(history.View(Guid.Empty));
        new JointReleaseAudit().Audit(Published("b", [.. Enumerable.Range(0, 400)]), counting, DisclosurePolicy.DanishDefault, CancellationToken.None);

        Assert.True(counting.Lookups > 0, "The audit scanned every earlier table instead of asking the index.");
    }

    private const string Sums = "ddd|A10|2023-01-01|2023-12-31";

    private sealed class CountingIndex(IPersonTableIndex inner) : IPersonTableIndex
    {
        public int Lookups { get; private set; }

        public int PersonLimit => inner.PersonLimit;

        public int Count => inner.Count;

        public RecordedRelease this[int index] => inner[index];

        public IReadOnlyCollection<(int Release, int Table)> TablesCounting(IReadOnlyList<int> persons)
        {
            Lookups++;
            return inner.TablesCounting(persons);
        }

        public IEnumerator<RecordedRelease> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static ReleasePersons Published(string name, int[] persons) =>
        new([new PersonTable(name, [persons], [new PersonCell(0, [0], persons.Length, persons.Length, false)])]);

    /// <summary>
    /// 1-3 tables of 1-4 inner cells, each persons from a random stretch of places (so releases meet some others and not
    /// all), some cells sharing persons (non-additive tables).
    /// </summary>
    private static ReleasePersons RandomRelease(Random random, int persons, int from = 0) =>
        new([.. Enumerable.Range(0, random.Next(1, 4)).Select(t =>
        {
            var start = from + random.Next(persons - from);
            var span = 1 + random.Next(Math.Max(1, persons / 50));
            var inner = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => Enumerable.Range(0, random.Next(0, 12)).Select(_ => Math.Min(persons - 1, start + random.Next(span))).Distinct().Order().ToArray())
                .ToArray();
            // One table in four sums a quantity: it joins only the parts of its own context.
            return new PersonTable($"t{t}", inner, [.. inner.Select((p, c) => new PersonCell(c, [c], p.Length, p.Length, false))])
            {
                Context = random.Next(4) == 0 ? Sums : string.Empty,
            };
        })]);
}
