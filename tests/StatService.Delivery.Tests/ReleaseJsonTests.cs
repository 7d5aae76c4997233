using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Delivery.Release.Records;

namespace StatService.Delivery.Tests;

/// <summary>The release records are the one contract between the writer and every reader: what is written reads back whole.</summary>
public sealed class ReleaseJsonTests
{
    [Fact]
    public void A_stored_release_reads_back_and_writes_the_same_text()
    {
        Assert.Equal(SampleRelease.Json, ReleaseJson.Write(ReleaseJson.Read(SampleRelease.Json)));
    }

    [Fact]
    public void Loss_differencing_and_hidden_cells_read_back_as_written()
    {
        var sex = TableDimension.Flat("sex", "I alt", [("female", "Kvinder"), ("male", "Mænd")]);
        var table = CountTable.FromInnerCells("persons by sex", [sex], c => c[0] == 1 ? 3 : 57);
        var status = new CellStatus[table.CellCount];
        status[table.CellIndex([1])] = CellStatus.Suppressed;
        status[table.CellIndex([0])] = CellStatus.Suppressed;
        var loss = new ReleaseLoss([new TableLoss("persons by sex", 3, 1, 1, 0, 0.0512345678)], null);
        var summary = new DisclosureSummary("rule", "danish-default", 1, 1, 3) { Loss = loss, EarlierReleasesCompared = 4 };
        var metadata = new ReleaseMetadata(Guid.NewGuid(), "patient-count", """{"sex":null,"age":{"min":18}}""", "v1", "persons", DateTimeOffset.UnixEpoch);

        var json = ResultJsonWriter.Write(metadata, new ProtectedRelease([new ProtectedTable(table, status)], summary));
        var read = ReleaseJson.Read(json);

        Assert.Equal(json, ReleaseJson.Write(read));
        Assert.Equal(4, read.Disclosure.Differencing?.EarlierReleasesCompared);
        Assert.Equal(0.051235, read.Tables[0].InformationLoss?.ShareOfTotalHidden);
        Assert.Null(read.Disclosure.InformationLoss?.ShareOfTotalHidden);
        Assert.Equal([null, null, 57L], read.Tables[0].Cells.Select(c => c.Value));
        Assert.Equal("Mænd", read.Tables[0].Dimensions[0].Codes[2].Label);
        Assert.DoesNotContain("\"3\"", json, StringComparison.Ordinal);
    }
}
