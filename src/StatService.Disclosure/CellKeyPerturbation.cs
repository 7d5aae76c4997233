using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Cell-key perturbation of one count table: every cell, margins included, gets the noise the perturbation table gives
/// for its value and its own cell key, so the same persons always get the same noise, in any table of any order, and
/// repeating or overlapping orders cannot average or difference the noise away. Cells from 1 to below the small-count
/// threshold after noise are suppressed. Margins are not recomputed from the perturbed cells: the table stops being
/// additive, which the release says.
/// </summary>
public sealed class CellKeyPerturbation(DisclosurePolicy policy)
{
    private readonly CellKeyPerturbationTable _noise = new(policy.CellKey);

    public CellKeyPerturbationTable Noise => _noise;

    public ProtectedTable Protect(CountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Contributions is not null)
        {
            throw new DisclosureException($"Table '{table.Name}' is a magnitude table; cell-key perturbation protects counts, use suppression with dominance rules.");
        }

        var keys = table.CellKeys ?? throw new DisclosureException(
            $"Table '{table.Name}' has no cell keys; cell-key perturbation needs the record keys of the persons each cell counts.");
        if (keys.Count != table.CellCount)
        {
            throw new DisclosureException($"Table '{table.Name}' has cell keys for {keys.Count} cells, not {table.CellCount}.");
        }

        var perturbed = new long[table.CellCount];
        var status = new CellStatus[table.CellCount];
        for (var cell = 0; cell < perturbed.Length; cell++)
        {
            var value = table.Values[cell];
            if (value < 0)
            {
                throw new DisclosureException($"Table '{table.Name}' has negative counts; it cannot be protected.");
            }

            var key = keys[cell];
            if (!(key >= 0 && key < 1))
            {
                throw new DisclosureException($"Table '{table.Name}': cell {cell} has the cell key {key}, outside [0,1).");
            }

            perturbed[cell] = value + _noise.Noise(value, key);
            status[cell] = IsHidden(perturbed[cell]) ? CellStatus.Suppressed : CellStatus.Published;
        }

        return new ProtectedTable(new CountTable(table.Name, table.Dimensions, perturbed) { LinkGroup = table.LinkGroup, Additive = false }, status);
    }

    /// <summary>What the release may show after noise: nothing from 1 to below the small-count threshold (and no zeros when zeros are sensitive).</summary>
    public bool IsHidden(long perturbed) =>
        perturbed == 0 ? policy.ZerosSensitive : perturbed < policy.CellKey.SmallCountThreshold;
}
