using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// The OpenSAFELY-style alternative to suppression: inner counts from 1 up to <see cref="RedactAtOrBelow"/>
/// are redacted, the others rounded to the nearest multiple of <see cref="Base"/>, and every margin is the
/// sum of the rounded, published inner cells below it (never the rounded true total), so margins reveal
/// nothing the inner cells do not. Simple and safe against differencing of margins; it changes every number.
/// </summary>
public sealed record RoundingProtection(int RedactAtOrBelow = 7, int Base = 5)
{
    public ProtectedTable Protect(CountTable table)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Base, 1);
        var redacted = new bool[table.CellCount];
        var rounded = CountTable.FromInnerCells(table.Name, table.Dimensions, coordinates =>
        {
            var cell = table.CellIndex(coordinates);
            var value = table.Values[cell];
            if (value >= 1 && value <= RedactAtOrBelow)
            {
                redacted[cell] = true;
                return 0;
            }

            return RoundToBase(value);
        });

        var status = new CellStatus[table.CellCount];
        for (var cell = 0; cell < status.Length; cell++)
        {
            status[cell] = redacted[cell] ? CellStatus.Suppressed : CellStatus.Published;
        }

        return new ProtectedTable(rounded, status);
    }

    /// <summary>Nearest multiple of the base; halves (possible only for even bases) round up.</summary>
    public long RoundToBase(long value) => (value + Base / 2) / Base * Base;
}
