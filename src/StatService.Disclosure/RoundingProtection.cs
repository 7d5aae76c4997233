using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// The OpenSAFELY-style alternative to suppression: inner counts from 1 up to <see cref="RedactAtOrBelow"/>
/// are redacted, the others rounded to the nearest multiple of <see cref="Base"/>, and every margin is the
/// sum of the rounded, published inner cells below it (never the rounded true total), so margins reveal
/// nothing the inner cells do not. Simple and safe against differencing of margins; it changes every number.
/// A non-additive table (a person in several cells) has margins that are not sums: each of its cells is redacted or
/// rounded on its own.
/// </summary>
public sealed record RoundingProtection(int RedactAtOrBelow = 7, int Base = 5)
{
    public static RoundingProtection From(RoundingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RoundingProtection(settings.RedactAtOrBelow, settings.Base);
    }

    public ProtectedTable Protect(CountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(Base, 1);
        var redacted = new bool[table.CellCount];
        CountTable rounded;
        if (table.Additive)
        {
            rounded = CountTable.FromInnerCells(table.Name, table.Dimensions, coordinates =>
            {
                var cell = table.CellIndex(coordinates);
                redacted[cell] = IsRedacted(table.Values[cell]);
                return redacted[cell] ? 0 : RoundToBase(table.Values[cell]);
            });
        }
        else
        {
            var values = new long[table.CellCount];
            for (var cell = 0; cell < values.Length; cell++)
            {
                redacted[cell] = IsRedacted(table.Values[cell]);
                values[cell] = redacted[cell] ? 0 : RoundToBase(table.Values[cell]);
            }

            rounded = new CountTable(table.Name, table.Dimensions, values);
        }

        var status = new CellStatus[table.CellCount];
        for (var cell = 0; cell < status.Length; cell++)
        {
            status[cell] = redacted[cell] ? CellStatus.Suppressed : CellStatus.Published;
        }

        return new ProtectedTable(new CountTable(table.Name, table.Dimensions, rounded.Values) { LinkGroup = table.LinkGroup, Additive = table.Additive }, status);
    }

    public bool IsRedacted(long value) => value >= 1 && value <= RedactAtOrBelow;

    /// <summary>Nearest multiple of the base; halves (possible only for even bases) round up.</summary>
    public long RoundToBase(long value) => (value + Base / 2) / Base * Base;
}
