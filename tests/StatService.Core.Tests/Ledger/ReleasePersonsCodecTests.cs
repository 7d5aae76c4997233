using StatService.Core.Ledger;

namespace StatService.Core.Tests.Ledger;

/// <summary>The ledger record's form: counts as before (version 1, so older records read as they were written), sums with their context and values.</summary>
public sealed class ReleasePersonsCodecTests
{
    private static readonly PersonTable Counts = new("counts", [[1, 4, 9], [2, 3]],
        [new PersonCell(0, [0, 1], 5, 5, false), new PersonCell(1, [0], 3, 3, false), new PersonCell(2, [1], 1, null, true)]);

    [Fact]
    public void A_release_of_counts_is_written_in_the_first_form_and_reads_back_as_counts()
    {
        var bytes = ReleasePersonsCodec.Encode(new ReleasePersons([Counts]));
        var read = ReleasePersonsCodec.Decode(bytes).Tables.Single();

        Assert.Equal(1, bytes[0]);
        Assert.False(read.IsMagnitude);
        Assert.Null(read.Values);
        Assert.Equal(Counts.Inner, read.Inner);
        Assert.Equal(Counts.Cells.Select(c => (c.Cell, c.Low, c.High, c.Hidden)), read.Cells.Select(c => (c.Cell, c.Low, c.High, c.Hidden)));
    }

    [Fact]
    public void A_release_of_sums_keeps_its_context_and_each_contributors_value()
    {
        var sums = new PersonTable("sums", [[1, 4, 9], [2, 3]], [new PersonCell(0, [0, 1], 1_000_123, 1_000_123, false), new PersonCell(1, [0], 0, null, true)])
        {
            Context = "ddd|A10|2023-01-01|2023-12-31",
            Values = [[3, 1_000_000, 17], [100, 3]],
        };

        var bytes = ReleasePersonsCodec.Encode(new ReleasePersons([Counts, sums]));
        var read = ReleasePersonsCodec.Decode(bytes).Tables;

        Assert.Equal(2, bytes[0]);
        Assert.False(read[0].IsMagnitude);
        Assert.Equal(sums.Context, read[1].Context);
        Assert.Equal(sums.Values, read[1].Values);
        Assert.Equal(sums.Inner, read[1].Inner);
        Assert.Equal(1_000_123, read[1].Cells[0].High);
    }

    [Fact]
    public void A_sum_without_a_value_for_every_contributor_is_not_written()
    {
        var broken = new PersonTable("sums", [[1, 4]], [new PersonCell(0, [0], 3, 3, false)]) { Context = "contacts|-|2023-01-01|2023-12-31", Values = [[3]] };

        Assert.Throws<ArgumentException>(() => ReleasePersonsCodec.Encode(new ReleasePersons([broken])));
    }
}
