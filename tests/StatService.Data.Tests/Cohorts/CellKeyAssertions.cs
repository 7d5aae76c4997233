using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Data.Tests.Cohorts;

/// <summary>Checks of a cell-key release against the true tables it was made from, shared by the products' cell-key tests.</summary>
public static class CellKeyAssertions
{
    /// <summary>The codes of a cell, one per dimension.</summary>
    public static string[] Codes(CountTable table, int cell) =>
        Enumerable.Range(0, table.Dimensions.Count).Select(d => table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code).ToArray();

    /// <summary>A person's record key, computed once per person: the expected tables ask for the same persons many times.</summary>
    public static Func<string, uint> Memoised(Func<string, uint> keyOf)
    {
        var known = new Dictionary<string, uint>(StringComparer.Ordinal);
        return pnr => known.TryGetValue(pnr, out var key) ? key : known[pnr] = keyOf(pnr);
    }

    /// <summary>What a requester sees of a table: the published value of each cell, null where suppressed.</summary>
    public static long?[] Published(ProtectedTable table) =>
        Enumerable.Range(0, table.Table.CellCount).Select(table.PublishedValue).ToArray();

    /// <summary>
    /// Every published count is 0 or at least the small-count threshold and at most maxNoise from the truth; every
    /// suppressed count is one that noise can bring below the threshold. Returns how many cells were suppressed and
    /// how many published cells differ from the truth, so callers can show the check was not vacuous.
    /// </summary>
    public static (int Suppressed, int Perturbed) AssertSmallCountsHidden(
        IReadOnlyList<CountTable> truth, IReadOnlyList<ProtectedTable> released, CellKeySettings settings)
    {
        Assert.Equal(truth.Count, released.Count);
        int suppressed = 0, perturbed = 0;
        for (var t = 0; t < truth.Count; t++)
        {
            Assert.Equal(truth[t].Name, released[t].Table.Name);
            for (var cell = 0; cell < truth[t].CellCount; cell++)
            {
                var value = truth[t].Values[cell];
                if (released[t].PublishedValue(cell) is { } shown)
                {
                    Assert.True(shown == 0 || shown >= settings.SmallCountThreshold, $"{truth[t].Name} cell {cell}: {shown} published below the threshold.");
                    Assert.InRange(shown, value - settings.MaxNoise, value + settings.MaxNoise);
                    perturbed += shown != value ? 1 : 0;
                }
                else
                {
                    Assert.InRange(value, 1, settings.SmallCountThreshold - 1 + settings.MaxNoise);
                    suppressed++;
                }
            }
        }

        return (suppressed, perturbed);
    }
}
