using StatService.Core.Ledger;

namespace StatService.Core.Tests.Ledger;

/// <summary>
/// The in-memory history of a version's releases: views see the releases appended before them, without the excluded
/// order, and the person index names exactly the tables that count given persons (checked against a scan).
/// </summary>
public sealed class ReleaseHistoryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_index_names_exactly_the_tables_a_scan_finds_counting_the_persons(bool stored)
    {
        var random = new Random(7);
        var history = new ReleaseHistory();
        var releases = Enumerable.Range(0, 60).Select(_ => new RecordedRelease(Guid.NewGuid(), RandomRelease(random))).ToList();
        for (var i = 0; i < releases.Count; i++)
        {
            if (stored)
            {
                history.Append(10 + (3 * i), releases[i].OrderId, ReleasePersonsCodec.Encode(releases[i].Persons));
            }
            else
            {
                history.Append(10 + (3 * i), releases[i]);
            }
        }

        for (var round = 0; round < 50; round++)
        {
            var excluded = random.Next(3) == 0 ? releases[random.Next(releases.Count)].OrderId : Guid.NewGuid();
            var view = history.View(excluded);
            var persons = Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(2_000)).ToList();
            var expected = view.SelectMany((r, i) => r.Persons.Tables.Select((t, j) => (i, j, t)))
                .Where(x => x.t.Inner.Any(cell => cell.Any(persons.Contains))).Select(x => (x.i, x.j)).Order().ToList();

            Assert.Equal(expected, view.TablesCounting(persons).Order().ToList());
            Assert.Equal(releases.Where(r => r.OrderId != excluded).Select(r => r.OrderId), view.Select(r => r.OrderId));
            Assert.Equal(
                releases.Where(r => r.OrderId != excluded).Select(r => Convert.ToHexString(ReleasePersonsCodec.Encode(r.Persons))),
                view.Select(r => Convert.ToHexString(ReleasePersonsCodec.Encode(r.Persons))));
        }
    }

    [Fact]
    public void A_stored_release_is_decoded_once_per_view_and_afresh_by_the_next()
    {
        var history = new ReleaseHistory();
        history.Append(1, Guid.NewGuid(), ReleasePersonsCodec.Encode(Release([1, 2, 3])));
        var view = history.View(Guid.Empty);

        Assert.Same(view[0], view[0]);
        Assert.NotSame(view[0], history.View(Guid.Empty)[0]);
        Assert.Equal([1, 2, 3], view[0].Persons.Tables[0].Inner[0]);
    }

    [Fact]
    public void Table_gaps_of_any_size_are_indexed()
    {
        // Gaps of 0, 127, 128 and 20,000 tables between a person's tables: one-, two- and three-byte varints.
        var history = new ReleaseHistory();
        var sequence = 0L;
        var shared = new[] { 5 };
        foreach (var gap in new[] { 0, 0, 127, 128, 20_000 })
        {
            for (var i = 0; i < gap; i++)
            {
                history.Append(++sequence, new RecordedRelease(Guid.NewGuid(), Release([7])));
            }

            history.Append(++sequence, new RecordedRelease(Guid.NewGuid(), Release(shared)));
        }

        var found = history.View(Guid.Empty).TablesCounting(shared).Select(t => t.Release).Order().ToList();

        Assert.Equal([0, 1, 129, 258, 20_259], found);
    }

    [Fact]
    public void A_view_sees_only_the_releases_appended_before_it_was_taken()
    {
        var history = new ReleaseHistory();
        var first = new RecordedRelease(Guid.NewGuid(), Release([1, 2, 3]));
        history.Append(1, first);
        var view = history.View(Guid.Empty);

        history.Append(2, new RecordedRelease(Guid.NewGuid(), Release([3, 4])));

        Assert.Equal([first.OrderId], view.Select(r => r.OrderId));
        Assert.Equal([(0, 0)], view.TablesCounting([3, 4]));
        Assert.Equal([(0, 0), (1, 0)], history.View(Guid.Empty).TablesCounting([4, 3]).Order());
        Assert.Equal([(1, 0)], history.View(Guid.Empty).TablesCounting([4]));
        Assert.Equal(2L, history.LastSequence);
    }

    [Fact]
    public void Releases_are_appended_in_the_order_they_were_recorded()
    {
        var history = new ReleaseHistory();
        history.Append(5, new RecordedRelease(Guid.NewGuid(), Release([1])));

        Assert.Throws<ArgumentOutOfRangeException>(() => history.Append(5, new RecordedRelease(Guid.NewGuid(), Release([2]))));
    }

    private static ReleasePersons Release(int[] persons) =>
        new([new PersonTable("t", [persons], [new PersonCell(0, [0], persons.Length, persons.Length, false)])]);

    /// <summary>1-3 tables of 1-4 inner cells, each a random set of persons; some cells share persons (non-additive tables).</summary>
    private static ReleasePersons RandomRelease(Random random) =>
        new([.. Enumerable.Range(0, random.Next(1, 4)).Select(t =>
        {
            var inner = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(2_000)).Distinct().Order().ToArray()).ToArray();
            return new PersonTable($"t{t}", inner, [.. inner.Select((p, c) => new PersonCell(c, [c], p.Length, p.Length, false))]);
        })]);
}
